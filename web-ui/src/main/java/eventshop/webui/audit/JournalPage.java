package eventshop.webui.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the audit journal: every record seen on a shop topic, valid or not. */
@Serdeable
public record JournalPage(List<Entry> items, int page, int size, long total) {

    /**
     * One journaled record. {@code replayed}: republished from the journal by a staff replay. {@code resent}: a
     * second copy, at another offset, of an event the journal already had from this topic (a producer sent it
     * again); the consumers applied it once.
     */
    @Serdeable
    public record Entry(@Nullable Long id, String topic, @Nullable Integer partition, @Nullable Long offset,
                        @Nullable String key, @Nullable UUID eventId, @Nullable String type,
                        @Nullable UUID orderId, @Nullable String correlationId, @Nullable String source,
                        boolean valid, @Nullable String error, @Nullable Instant occurredAt,
                        @Nullable Instant recordedAt, boolean replayed, boolean resent) {
    }

    public static JournalPage empty(int size) {
        return new JournalPage(List.of(), 0, size, 0);
    }
}
