package eventshop.platform.messaging;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /health} → {@code consumers}: UP while every consumer thread's last poll went through, DEGRADED while one
 * keeps failing transiently (it is paused and retrying, nothing is dead-lettered), UP again as soon as it passes.
 * DEGRADED is operational (HTTP 200): the service still answers, only its consumption waits, typically for the
 * database.
 */
@Singleton
public class ConsumerHealth implements HealthIndicator {

    public static final String NAME = "consumers";
    /** Operational, but more severe than UP (which has no severity), so /health as a whole reads DEGRADED too. */
    public static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "a consumer keeps failing transiently and is retrying", true, 500);

    private record Failing(String consumer, Instant since, int attempts, String lastError) {
    }

    private final ConsumerConfiguration configuration;
    /** By consumer thread: each thread has its own Kafka consumer and partitions. */
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    public ConsumerHealth(ConsumerConfiguration configuration) {
        this.configuration = configuration;
    }

    /** A poll of {@code consumer} failed on this thread and will be retried. */
    public void failed(String consumer, Throwable error) {
        failing.merge(key(consumer), new Failing(consumer, Instant.now(), 1, error.toString()),
                (old, now) -> new Failing(consumer, old.since(), old.attempts() + 1, now.lastError()));
    }

    /** A poll of {@code consumer} went through on this thread. */
    public void succeeded(String consumer) {
        failing.remove(key(consumer));
    }

    /** @return whether the consumer is reported DEGRADED now */
    public boolean isDegraded(String consumer) {
        return failing.values().stream().anyMatch(f -> f.consumer().equals(consumer) && degraded(f));
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(current());
    }

    /** The result /health shows now. */
    public HealthResult current() {
        Map<String, Object> details = new TreeMap<>();
        failing.values().stream().filter(this::degraded).forEach(f -> details.merge(f.consumer(),
                Map.of("failingSince", f.since().toString(), "attempts", f.attempts(), "lastError", f.lastError()),
                (a, b) -> a));
        return HealthResult.builder(NAME, details.isEmpty() ? HealthStatus.UP : DEGRADED).details(details).build();
    }

    private boolean degraded(Failing f) {
        return f.attempts() >= configuration.getDegradedAfterFailures();
    }

    private static String key(String consumer) {
        return consumer + "@" + Thread.currentThread().getName();
    }
}
