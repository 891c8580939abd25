package eventshop.webui.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The journaled events of one order in time order, as audit-service computes them. */
@Serdeable
public record Timeline(UUID orderId, List<Event> events) {

    @Serdeable
    public record Event(UUID eventId, String type, String topic, String source, @Nullable String correlationId,
                        Instant occurredAt, @Nullable Instant recordedAt, long sinceFirstMs,
                        long sincePreviousMs) {
    }
}
