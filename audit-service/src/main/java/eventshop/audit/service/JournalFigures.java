package eventshop.audit.service;

import eventshop.audit.messaging.ConsumerLagMonitor;
import eventshop.platform.observability.Rate;
import eventshop.platform.observability.SummaryContributor;
import eventshop.platform.observability.SummaryLine;
import jakarta.inject.Singleton;

/**
 * The journal on the periodic summary line, in place of the platform's event throughput (switched off in
 * application.yml: it counts events applied and published, and the journal applies none, it records them). This is
 * the application-health stream; the audit trail itself is the database.
 */
@Singleton
public class JournalFigures implements SummaryContributor {

    private final JournalMetrics metrics;
    private final ConsumerLagMonitor lag;
    private final Rate journaledRate = new Rate();

    public JournalFigures(JournalMetrics metrics, ConsumerLagMonitor lag) {
        this.metrics = metrics;
        this.lag = lag;
    }

    @Override
    public void contribute(SummaryLine line) {
        double journaled = metrics.total(JournalMetrics.JOURNALED);
        double writes = metrics.total(JournalMetrics.WRITES);
        line.count("journaled", journaled).count("invalid", metrics.total(JournalMetrics.INVALID))
                .count("redelivered", metrics.total(JournalMetrics.DUPLICATES))
                .count("replayed", metrics.total(JournalMetrics.REPLAYED))
                .rate("events_per_s", journaledRate.perSecond(journaled)).add("lag", lag.lag())
                .percent("write_success_rate", writes, writes + metrics.total(JournalMetrics.WRITE_FAILURES));
    }
}
