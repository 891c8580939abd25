package eventshop.analytics.messaging;

import eventshop.events.EventEnvelope;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Lets each event through once: a redelivery from the outbox relay or a replay from the audit journal carries an
 * event id already seen, and is dropped. Exactly-once processing covers this application's own reads and writes,
 * not a producer that publishes the same event twice; without this, a replayed confirmation would be sold twice.
 * <p>
 * The ids live in a window store, at the event's time, so they expire after the dedupe retention instead of growing
 * forever. A copy of an event is the same bytes (the relay resends what the outbox holds, the audit journal replays
 * what it received), so it has the same id and the same event time ({@link EventTime}). One order's events share a key
 * and so a partition: every copy of an event meets the same store.
 */
final class FirstDelivery implements FixedKeyProcessor<String, EventEnvelope, EventEnvelope> {

    private final EventMetrics metrics;
    private FixedKeyProcessorContext<String, EventEnvelope> context;
    private WindowStore<String, Long> seen;

    FirstDelivery(EventMetrics metrics) {
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
        // A copy carries the event's own occurredAt, so it has the same event time: look up that one timestamp. A
        // range fetch would walk every timestamp kept in the in-memory store (one entry per distinct millisecond
        // over the whole retention), a cost that grew with each event seen until the processor fell behind.
        if (seen.fetch(eventId, at) != null) {
            metrics.duplicate(Topics.ORDERS, envelope.type());
            return;
        }
        seen.put(eventId, at, at);
        context.forward(record);
    }
}
