package eventshop.analytics.messaging;

import eventshop.events.EventEnvelope;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.time.Instant;

/**
 * Lets each event through once: a redelivery from the outbox relay or a replay from the audit journal carries an
 * event id already seen, and is dropped. Exactly-once processing covers this application's own reads and writes,
 * not a producer that publishes the same event twice; without this, a replayed confirmation would be sold twice.
 * <p>
 * The ids live in a window store so they expire after {@code retention} instead of growing forever. One order's
 * events share a key and so a partition: every copy of an event meets the same store.
 */
final class FirstDelivery implements FixedKeyProcessor<String, EventEnvelope, EventEnvelope> {

    private final Duration retention;
    private final EventMetrics metrics;
    private FixedKeyProcessorContext<String, EventEnvelope> context;
    private WindowStore<String, Long> seen;

    FirstDelivery(Duration retention, EventMetrics metrics) {
        this.retention = retention;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EventEnvelope> context) {
        this.context = context;
        this.seen = context.getStateStore(SalesStores.SEEN_EVENTS);
    }

    @Override
    public void process(FixedKeyRecord<String, EventEnvelope> record) {
        EventEnvelope envelope = record.value();
        if (envelope == null) {
            return;
        }
        String eventId = envelope.eventId().toString();
        long at = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, Instant.ofEpochMilli(at).minus(retention),
                Instant.ofEpochMilli(at).plus(retention))) {
            if (earlier.hasNext()) {
                metrics.duplicate(Topics.ORDERS, envelope.type());
                return;
            }
        }
        seen.put(eventId, at, at);
        context.forward(record);
    }
}
