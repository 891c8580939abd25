package eventshop.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * How far the relay is behind: {@code eventshop.outbox.pending} (rows not yet acknowledged by the broker) and
 * {@code eventshop.outbox.oldest.age.seconds} (how long the oldest of them has waited). Read from the table at scrape
 * time, so they stay true across restarts and several instances; a broker outage shows as both rising.
 * Only where there is a database: a service without one (analytics) has no outbox.
 */
@Context
@Requires(beans = DataSource.class)
public class OutboxLagMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxLagMetrics.class);

    public static final String PENDING = "eventshop.outbox.pending";
    public static final String OLDEST_AGE = "eventshop.outbox.oldest.age.seconds";

    public OutboxLagMetrics(MeterRegistry registry, OutboxRepository repository) {
        gauge(registry, PENDING, "Outbox events not yet acknowledged by the broker", repository,
                OutboxRepository::countUnpublished);
        gauge(registry, OLDEST_AGE, "Seconds the oldest unpublished outbox event has waited", repository, r -> {
            Instant oldest = r.oldestUnpublishedCreatedAt();
            return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
        });
    }

    private static void gauge(MeterRegistry registry, String name, String description, OutboxRepository repository,
                              ToDoubleFunction<OutboxRepository> reading) {
        Gauge.builder(name, repository, r -> {
            try {
                return reading.applyAsDouble(r);
            } catch (RuntimeException e) {
                // The database is down: say "unknown" rather than fail the whole scrape.
                LOG.debug("Cannot read outbox lag: {}", e.toString());
                return Double.NaN;
            }
        }).description(description).register(registry);
    }
}
