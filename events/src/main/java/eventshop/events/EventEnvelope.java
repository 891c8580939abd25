package eventshop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels on Kafka: identity, causality and the typed payload.
 *
 * @param orderId       the order this event belongs to, or {@code null} for events about products
 * @param correlationId the request id of the click that caused it, carried through every hop
 * @param source        the service that produced it
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, UUID orderId,
                            String correlationId, String source, DomainEvent data) {

    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
        if (!data.type().equals(type)) {
            throw new IllegalArgumentException("type " + type + " does not match data " + data.type());
        }
    }

    /** A new event, stamped now, for the given order (or {@code null}) and correlation id. */
    public static EventEnvelope of(DomainEvent data, UUID orderId, String correlationId, String source) {
        return new EventEnvelope(UUID.randomUUID(), data.type(), CURRENT_VERSION,
                Timestamps.now(), orderId, correlationId, source, data);
    }

    /** The data, cast to the expected event class. */
    public <T extends DomainEvent> T dataAs(Class<T> eventClass) {
        return eventClass.cast(data);
    }
}
