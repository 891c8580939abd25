package eventshop.audit.service;

import eventshop.audit.persistence.JournalRecord;
import eventshop.platform.observability.EventMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/** The journal's counters on /prometheus; {@link JournalFigures} puts them on the periodic log line. */
@Singleton
public class JournalMetrics {

    public static final String JOURNALED = "eventshop.audit.journaled";
    public static final String INVALID = "eventshop.audit.invalid";
    public static final String DUPLICATES = "eventshop.audit.redelivered";
    public static final String WRITES = "eventshop.audit.writes";
    public static final String WRITE_FAILURES = "eventshop.audit.write.failures";
    public static final String REPLAYED = "eventshop.audit.replayed";

    private final MeterRegistry registry;

    public JournalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a committed batch: new rows by topic (and the invalid among them), and redelivered records. */
    public void written(List<JournalRecord> records, boolean[] inserted) {
        registry.counter(WRITES).increment();
        for (int i = 0; i < records.size(); i++) {
            JournalRecord record = records.get(i);
            if (!inserted[i]) {
                registry.counter(DUPLICATES, "topic", record.topic()).increment();
                continue;
            }
            registry.counter(JOURNALED, "topic", record.topic()).increment();
            if (!record.valid()) {
                registry.counter(INVALID, "topic", record.topic()).increment();
            }
        }
    }

    public void writeFailed() {
        registry.counter(WRITE_FAILURES).increment();
    }

    public void replayed(String topic, int count) {
        registry.counter(REPLAYED, "topic", topic).increment(count);
    }

    public double total(String name) {
        return EventMetrics.total(registry, name);
    }
}
