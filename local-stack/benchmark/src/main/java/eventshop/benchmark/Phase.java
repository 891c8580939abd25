package eventshop.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One load phase: what was offered, accepted and resolved, and the latencies. Every latency is measured from the
 * order's <em>intended</em> send time (open loop: the schedule; closed loop: when the client sent it), so a request
 * the load generator or the shop held back is charged its wait: coordinated omission is corrected by construction.
 * Histograms hold microseconds.
 */
final class Phase {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    final String kind;
    final double offeredPerSecond;
    final int clients;
    final Histogram acceptLatency = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram resolveLatency = new ConcurrentHistogram(MAX_MICROS, 3);
    /** From an OrderConfirmed/OrderCancelled on the shop's topic to the sales figure it changed, visible on shop.sales. */
    final Histogram salesLatency = new ConcurrentHistogram(MAX_MICROS, 3);
    final AtomicLong salesUpdates = new AtomicLong();
    /** The order's way in stages (ms apart on the records' CreateTime): accepted to OrderPlaced published (orders'
     * relay), OrderPlaced to inventory's answer published (inventory's consumer and relay), the answer to the outcome
     * published (orders' consumer and relay). */
    final Histogram acceptedToPlaced = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram placedToAnswered = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram answeredToOutcome = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Map<String, Long> acceptedMillis = new ConcurrentHashMap<>();
    final AtomicLong scheduled = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong confirmed = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong lastAcceptNanos = new AtomicLong();
    final AtomicLong lastResolveNanos = new AtomicLong();
    final Map<String, Long> pending = new ConcurrentHashMap<>();
    final Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
    volatile long startNanos;

    Phase(String kind, double offeredPerSecond, int clients) {
        this.kind = kind;
        this.offeredPerSecond = offeredPerSecond;
        this.clients = clients;
    }

    void accepted(String orderId, long intendedNanos) {
        long now = System.nanoTime();
        accepted.incrementAndGet();
        acceptLatency.recordValue(micros(now - intendedNanos));
        lastAcceptNanos.accumulateAndGet(now, Math::max);
        pending.put(orderId, intendedNanos);
        acceptedMillis.put(orderId, System.currentTimeMillis());
    }

    void resolved(String orderId, String type, long nanos, Outcomes.Hops hops) {
        Long intended = pending.remove(orderId);
        Long accepted = acceptedMillis.remove(orderId);
        if (intended == null) {
            return;
        }
        if (hops != null && hops.placedMillis() > 0 && hops.answeredMillis() > 0) {
            acceptedToPlaced.recordValue(millisAsMicros(hops.placedMillis() - accepted));
            placedToAnswered.recordValue(millisAsMicros(hops.answeredMillis() - hops.placedMillis()));
            answeredToOutcome.recordValue(millisAsMicros(hops.outcomeMillis() - hops.answeredMillis()));
        }
        resolveLatency.recordValue(micros(nanos - intended));
        (Outcomes.CONFIRMED.equals(type) ? confirmed : rejected).incrementAndGet();
        lastResolveNanos.accumulateAndGet(nanos, Math::max);
    }

    void salesUpdated(long millisSinceCause) {
        salesUpdates.incrementAndGet();
        salesLatency.recordValue(micros(Math.max(0, millisSinceCause) * 1_000_000));
    }

    void failed(String kind) {
        errors.incrementAndGet();
        errorKinds.merge(kind, 1, Integer::sum);
    }

    long resolved() {
        return confirmed.get() + rejected.get();
    }

    private static long millisAsMicros(long millis) {
        return micros(Math.max(0, millis) * 1_000_000);
    }

    private static long micros(long nanos) {
        return Math.max(1, Math.min(MAX_MICROS, nanos / 1_000));
    }
}
