package eventshop.platform.observability;

/**
 * How fast a growing total grew since the previous reading: the "per second" and "per minute" figures of the summary
 * line, measured over the interval actually elapsed between two lines.
 */
public final class Rate {

    private double lastTotal;
    private long lastAt = System.nanoTime();

    public synchronized double perSecond(double total) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastAt) / 1e9);
        double rate = (total - lastTotal) / seconds;
        lastTotal = total;
        lastAt = now;
        return rate;
    }

    public double perMinute(double total) {
        return perSecond(total) * 60;
    }
}
