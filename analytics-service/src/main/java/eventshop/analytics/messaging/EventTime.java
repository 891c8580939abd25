package eventshop.analytics.messaging;

import eventshop.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows by when the event happened ({@code occurredAt}), not by when the outbox relay got it onto the broker: an
 * order confirmed while Kafka was away still counts in the minute it was confirmed, if it arrives within the grace
 * period.
 */
final class EventTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof EventEnvelope envelope) {
            return envelope.occurredAt().toEpochMilli();
        }
        return record.timestamp();
    }
}
