package eventshop.webui.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the audit journal: every record seen on a shop topic, valid or not. */
@Serdeable
public record JournalPage(List<Entry> items, int page, int size, long total) {

    @Serdeable
    public record Entry(@Nullable Long id, String topic, @Nullable Integer partition, @Nullable Long offset,
                        @Nullable String key, @Nullable UUID eventId, @Nullable String type,
                        @Nullable UUID orderId, @Nullable String correlationId, @Nullable String source,
                        boolean valid, @Nullable String error, @Nullable Instant occurredAt,
                        @Nullable Instant recordedAt) {
    }

    public static JournalPage empty(int size) {
        return new JournalPage(List.of(), 0, size, 0);
    }
}
