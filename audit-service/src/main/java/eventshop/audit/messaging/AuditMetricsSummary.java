package eventshop.audit.messaging;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The audit service's one-line health summary, on the same {@code eventshop.metrics} logger as the other services'
 * (the platform's own summary is switched off in application.yml: it counts handled events, and the journal handles
 * none, it records them). This is the application-health stream; the audit trail itself is the database.
 */
@Singleton
public class AuditMetricsSummary {

    private static final Logger LOG = LoggerFactory.getLogger("eventshop.metrics");

    private final JournalMetrics metrics;
    private final ConsumerLagMonitor lag;
    private final String serviceName;
    private double lastJournaled;
    private long lastAt = System.nanoTime();

    public AuditMetricsSummary(JournalMetrics metrics, ConsumerLagMonitor lag,
                               @Value("${micronaut.application.name}") String serviceName) {
        this.metrics = metrics;
        this.lag = lag;
        this.serviceName = serviceName;
    }

    @Scheduled(fixedDelay = "${eventshop.audit.metrics-summary-interval:30s}",
            initialDelay = "${eventshop.audit.metrics-summary-interval:30s}")
    void logSummary() {
        LOG.info(summary());
    }

    public synchronized String summary() {
        double journaled = metrics.total(JournalMetrics.JOURNALED);
        double writes = metrics.total(JournalMetrics.WRITES);
        double failures = metrics.total(JournalMetrics.WRITE_FAILURES);
        long now = System.nanoTime();
        double perSecond = (journaled - lastJournaled) / Math.max(1e-3, (now - lastAt) / 1e9);
        lastJournaled = journaled;
        lastAt = now;
        double successRate = writes + failures == 0 ? 100.0 : 100.0 * writes / (writes + failures);
        return String.format(Locale.ROOT, "metrics service=%s journaled=%.0f invalid=%.0f redelivered=%.0f "
                        + "replayed=%.0f events_per_s=%.2f lag=%d write_success_rate=%.1f%%", serviceName, journaled,
                metrics.total(JournalMetrics.INVALID), metrics.total(JournalMetrics.DUPLICATES),
                metrics.total(JournalMetrics.REPLAYED), perSecond, lag.lag(), successRate);
    }
}
