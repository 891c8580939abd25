package eventshop.audit.api;

import eventshop.audit.persistence.JournalFilter;
import eventshop.platform.http.Problems;
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

    /** The filter this request selects; a request without a selection, or with {@code from} after {@code to}, is 400. */
    JournalFilter toFilter() {
        if (orderId == null && (type == null || type.isBlank()) && from == null && to == null) {
            throw Problems.badRequest("A replay needs a selection: give orderId, type, from and/or to");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw Problems.badRequest("'from' is after 'to'");
        }
        return new JournalFilter(orderId, type == null || type.isBlank() ? null : type.trim(), null, null, from, to,
                null);
    }

    @Override
    public String toString() {
        return "orderId=" + orderId + ", type=" + type + ", from=" + from + ", to=" + to;
    }
}
