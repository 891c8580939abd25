package eventshop.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per interval with the service's event throughput and success rate: the application-health stream, kept in
 * the log apart from any business data.
 */
@Singleton
@Requires(property = "eventshop.metrics-summary.enabled", notEquals = "false")
public class MetricsSummaryLogger {

    private static final Logger LOG = LoggerFactory.getLogger("eventshop.metrics");

    private final MeterRegistry registry;
    private final String serviceName;
    private double lastConsumed;
    private double lastPublished;
    private long lastAt = System.nanoTime();

    public MetricsSummaryLogger(MeterRegistry registry, @Value("${micronaut.application.name}") String serviceName) {
        this.registry = registry;
        this.serviceName = serviceName;
    }

    @Scheduled(fixedDelay = "${eventshop.metrics-summary.interval:30s}",
            initialDelay = "${eventshop.metrics-summary.interval:30s}")
    void logSummary() {
        LOG.info(summary());
    }

    synchronized String summary() {
        double consumed = total(EventMetrics.CONSUMED);
        double published = total(EventMetrics.PUBLISHED);
        double failed = total(EventMetrics.DEAD_LETTERED) + total(EventMetrics.FAILED);
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastAt) / 1e9);
        double inRate = (consumed - lastConsumed) / seconds;
        double outRate = (published - lastPublished) / seconds;
        lastConsumed = consumed;
        lastPublished = published;
        lastAt = now;
        double handled = consumed + failed;
        double successRate = handled == 0 ? 100.0 : 100.0 * consumed / handled;
        return String.format(java.util.Locale.ROOT,
                "metrics service=%s events_in=%.0f events_out=%.0f failed=%.0f in_per_s=%.2f out_per_s=%.2f "
                        + "success_rate=%.1f%%", serviceName, consumed, published, failed, inRate, outRate, successRate);
    }

    private double total(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
