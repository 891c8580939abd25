package eventshop.platform.observability;

import java.lang.management.ManagementFactory;

/**
 * How fast a growing total grew since the previous reading: the "per second" and "per minute" figures of the summary
 * line, measured over the interval actually elapsed between two lines.
 */
public final class Rate {

    private double lastTotal;
    /**
     * The first interval starts when the JVM started, not when this object was made: summary beans are created
     * lazily, just before their first line, and counting from then would divide everything so far by milliseconds.
     */
    private long lastAt = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;

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
