package eventshop.audit.replay;

import eventshop.audit.persistence.JournalFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * What to replay: journaled events of an order, of a type, and/or within a time range of their Kafka timestamps
 * ({@code from} inclusive, {@code to} exclusive). At least one criterion is required.
 */
@Serdeable
public record ReplayRequest(@Nullable UUID orderId, @Nullable String type, @Nullable Instant from,
                            @Nullable Instant to) {

    boolean selectsSomething() {
        return orderId != null || (type != null && !type.isBlank()) || from != null || to != null;
    }

    JournalFilter toFilter() {
        return new JournalFilter(orderId, type == null || type.isBlank() ? null : type.trim(), null, null, from, to,
                null);
    }

    @Override
    public String toString() {
        return "orderId=" + orderId + ", type=" + type + ", from=" + from + ", to=" + to;
    }
}
