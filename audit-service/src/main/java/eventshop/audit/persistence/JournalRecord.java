package eventshop.audit.persistence;

import eventshop.audit.domain.StoredBytes;
import eventshop.audit.domain.StoredHeader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One journaled Kafka record (table {@code journal_entry}). Written once by {@link JournalWriter}, never changed:
 * the database rejects updates and deletes.
 */
@MappedEntity("journal_entry")
public record JournalRecord(
        @Id @GeneratedValue @Nullable Long id,
        String topic,
        @Nullable UUID topicId,
        int kafkaPartition,
        long kafkaOffset,
        @Nullable String messageKey,
        boolean keyBase64,
        @TypeDef(type = DataType.JSON) List<StoredHeader> headers,
        Instant recordTimestamp,
        Instant receivedAt,
        @Nullable String payload,
        boolean payloadBase64,
        boolean valid,
        @Nullable String decodeError,
        @Nullable UUID eventId,
        @Nullable String eventType,
        @Nullable Integer eventVersion,
        @Nullable UUID orderId,
        @Nullable String correlationId,
        @Nullable String source,
        @Nullable Instant occurredAt,
        boolean replayed,
        // A copy of an event the journal already held from this topic, sent again by a relay (set by JournalWriter).
        boolean resent) {

    /**
     * This record as the journal can always store it: the raw bytes and coordinates, marked invalid with the reason,
     * without the parsed fields (one of which the database refused, such as a timestamp in the year 300000).
     */
    public JournalRecord asUnstorable(String reason) {
        return new JournalRecord(id, topic, topicId, kafkaPartition, kafkaOffset, messageKey, keyBase64, headers,
                receivedAt, receivedAt, payload, payloadBase64, false, reason, null, null, null, null, null, null, null,
                replayed, false);
    }

    public StoredBytes key() {
        return new StoredBytes(messageKey, keyBase64);
    }

    public StoredBytes value() {
        return new StoredBytes(payload, payloadBase64);
    }
}
