package eventshop.audit.messaging;

import eventshop.audit.domain.JournalText;
import eventshop.audit.domain.StoredBytes;
import eventshop.audit.domain.StoredHeader;
import eventshop.audit.persistence.JournalRecord;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.RecordBatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a Kafka record into its journal row: the record exactly as it came (key, headers, payload, coordinates with the topic's id) and,
 * when the payload decodes with the shop's codec, the envelope's fields. A record that does not decode is journaled
 * all the same, marked invalid with the reason; the journal never refuses or dead-letters anything.
 */
@Singleton
public class JournalEntries {

    private final EventCodec codec;

    public JournalEntries(EventCodec codec) {
        this.codec = codec;
    }

    public JournalRecord from(ConsumerRecord<byte[], byte[]> record, UUID topicId, Instant receivedAt) {
        StoredBytes key = StoredBytes.of(record.key());
        StoredBytes payload = StoredBytes.of(record.value());
        List<StoredHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(StoredHeader.of(header.key(), header.value()));
        }
        Instant recordTimestamp = record.timestamp() == RecordBatch.NO_TIMESTAMP
                ? receivedAt : Instant.ofEpochMilli(record.timestamp());
        boolean replayed = isReplay(record);
        EventEnvelope envelope;
        try {
            envelope = codec.decode(record.value());
        } catch (RuntimeException e) {
            // EventDecodingException by contract; anything else is a codec bug, and still no reason to lose the record.
            return new JournalRecord(null, record.topic(), topicId, record.partition(), record.offset(), key.value(),
                    key.base64(), headers, recordTimestamp, receivedAt, payload.value(), payload.base64(), false,
                    JournalText.error(e.getMessage()), null, null, null, null, null, null, null, replayed, false);
        }
        return new JournalRecord(null, record.topic(), topicId, record.partition(), record.offset(), key.value(),
                key.base64(), headers, recordTimestamp, receivedAt, payload.value(), payload.base64(), true, null,
                envelope.eventId(), envelope.type(), envelope.version(), envelope.orderId(),
                JournalText.clean(envelope.correlationId()), JournalText.clean(envelope.source()),
                envelope.occurredAt(), replayed, false);
    }

    private static boolean isReplay(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.REPLAYED);
        return header != null && header.value() != null
                && "true".equalsIgnoreCase(new String(header.value(), StandardCharsets.UTF_8));
    }
}
