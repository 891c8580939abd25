package eventshop.platform.observability;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The platform's figures on the summary line: events applied through {@code IncomingEvents} and published by the
 * outbox relay, failures (dead-lettered or failed attempts), rates and success rate. A service whose events take
 * neither path (the audit journal records records, it applies none) turns them off with
 * {@code eventshop.metrics-summary.event-throughput: false} and contributes its own.
 */
@Singleton
@Requires(property = "eventshop.metrics-summary.event-throughput", notEquals = "false")
class EventThroughput implements SummaryContributor {

    private final EventMetrics metrics;
    private final Rate in = new Rate();
    private final Rate out = new Rate();

    EventThroughput(EventMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void contribute(SummaryLine line) {
        double consumed = metrics.total(EventMetrics.CONSUMED);
        double published = metrics.total(EventMetrics.PUBLISHED);
        double failed = metrics.total(EventMetrics.DEAD_LETTERED) + metrics.total(EventMetrics.FAILED);
        line.count("events_in", consumed).count("events_out", published).count("failed", failed)
                .rate("in_per_s", in.perSecond(consumed)).rate("out_per_s", out.perSecond(published))
                .percent("success_rate", consumed, consumed + failed);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // first on the line, whatever the service adds
    }
}
