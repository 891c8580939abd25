package eventshop.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The envelope exactly as it is on the wire. Read twice: first with a tree as {@code data} to learn the type, then with
 * the event class, so numbers such as prices are read straight into {@code BigDecimal} without a lossy detour.
 */
@Serdeable
record WireEnvelope<T>(@Nullable String eventId, @Nullable String type, @Nullable Integer version,
                    @Nullable String occurredAt, @Nullable String orderId, @Nullable String correlationId,
                    @Nullable String source, @Nullable T data) {
}
