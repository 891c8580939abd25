package eventshop.audit.api;

import eventshop.audit.domain.StoredHeader;
import eventshop.audit.persistence.JournalRecord;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One journaled record as the API shows it (also one line of the export). {@code recordedAt} is the record's Kafka
 * timestamp, {@code receivedAt} when the journal read it. {@code key}, {@code payload} and header values are text, or
 * base64 when the matching {@code ...Base64} flag is set. Envelope fields are null for invalid records, which carry
 * {@code error} instead. {@code resent}: a second copy of an event already journaled from this topic (a relay sent its
 * batch again after missing the acknowledgements); {@code replayed}: republished by a replay.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JournalEntry(long id, String topic, int partition, long offset, @Nullable String key,
                           boolean keyBase64, List<StoredHeader> headers, Instant recordedAt, Instant receivedAt,
                           @Nullable String payload, boolean payloadBase64, boolean valid, @Nullable String error,
                           @Nullable UUID eventId, @Nullable String type, @Nullable Integer version,
                           @Nullable UUID orderId, @Nullable String correlationId, @Nullable String source,
                           @Nullable Instant occurredAt, boolean replayed, boolean resent) {

    static JournalEntry of(JournalRecord r) {
        return new JournalEntry(r.id(), r.topic(), r.kafkaPartition(), r.kafkaOffset(), r.messageKey(),
                r.keyBase64(), r.headers(), r.recordTimestamp(), r.receivedAt(), r.payload(), r.payloadBase64(),
                r.valid(), r.decodeError(), r.eventId(), r.eventType(), r.eventVersion(), r.orderId(),
                r.correlationId(), r.source(), r.occurredAt(), r.replayed(), r.resent());
    }
}
