package eventshop.events;

import eventshop.events.EventDecodingException.Reason;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the shop (Micronaut Serde). Decoding never returns {@code null} and never throws anything but
 * {@link EventDecodingException}: not UTF-8, malformed JSON, a missing envelope field, an unknown type, a newer
 * version, or data that does not satisfy the event's constraints.
 */
@Singleton
public class EventCodec {

    private final JsonMapper jsonMapper;
    private final Validator validator;

    public EventCodec(JsonMapper jsonMapper, Validator validator) {
        this.jsonMapper = jsonMapper;
        this.validator = validator;
    }

    public byte[] encode(EventEnvelope envelope) {
        try {
            WireEnvelope<DomainEvent> wire = new WireEnvelope<>(envelope.eventId().toString(), envelope.type(),
                    envelope.version(), envelope.occurredAt().toString(),
                    envelope.orderId() == null ? null : envelope.orderId().toString(), envelope.correlationId(),
                    envelope.source(), envelope.data());
            return jsonMapper.writeValueAsBytes(EventCodec.<DomainEvent>wireArgument(envelope.data().getClass()), wire);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + envelope.type(), e);
        }
    }

    public EventEnvelope decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException(Reason.MALFORMED_JSON, "empty record");
        }
        requireUtf8(bytes);
        WireEnvelope<?> wire = readWire(bytes, JsonNode.class);
        Class<? extends DomainEvent> eventClass = EventTypes.byName(required(wire.type(), "type"))
                .orElseThrow(() -> new EventDecodingException(Reason.UNKNOWN_TYPE,
                        "unknown event type '" + wire.type() + "'"));
        int version = wire.version() == null ? 0 : wire.version();
        if (version < 1 || version > EventEnvelope.CURRENT_VERSION) {
            throw new EventDecodingException(Reason.UNSUPPORTED_VERSION, "unsupported version " + wire.version());
        }
        required(wire.data(), "data");
        DomainEvent data = readData(bytes, eventClass);
        return new EventEnvelope(uuid(required(wire.eventId(), "eventId"), "eventId"), wire.type(), version,
                instant(required(wire.occurredAt(), "occurredAt")),
                wire.orderId() == null ? null : uuid(wire.orderId(), "orderId"), wire.correlationId(),
                required(wire.source(), "source"), data);
    }

    private static void requireUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new EventDecodingException(Reason.NOT_UTF8, "payload is not valid UTF-8", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Argument<WireEnvelope<T>> wireArgument(Class<? extends T> dataClass) {
        return (Argument) Argument.of(WireEnvelope.class, dataClass);
    }

    private <T> WireEnvelope<T> readWire(byte[] bytes, Class<T> dataClass) {
        try {
            WireEnvelope<T> wire = jsonMapper.readValue(bytes, wireArgument(dataClass));
            if (wire == null) {
                throw new EventDecodingException(Reason.MALFORMED_JSON, "payload is JSON null");
            }
            return wire;
        } catch (IOException | RuntimeException e) {
            if (e instanceof EventDecodingException decodingException) {
                throw decodingException;
            }
            throw new EventDecodingException(Reason.MALFORMED_JSON, "not a JSON event envelope: " + e.getMessage(), e);
        }
    }

    private DomainEvent readData(byte[] bytes, Class<? extends DomainEvent> eventClass) {
        DomainEvent data;
        try {
            data = jsonMapper.readValue(bytes, EventCodec.<DomainEvent>wireArgument(eventClass)).data();
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(Reason.INVALID_DATA,
                    eventClass.getSimpleName() + " data does not fit its schema: " + e.getMessage(), e);
        }
        if (data == null) {
            throw new EventDecodingException(Reason.MISSING_FIELD, "data is null");
        }
        Set<ConstraintViolation<DomainEvent>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new EventDecodingException(Reason.INVALID_DATA, eventClass.getSimpleName() + " is invalid: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return data;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new EventDecodingException(Reason.MISSING_FIELD, "envelope field '" + field + "' is missing");
        }
        return value;
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException(Reason.INVALID_DATA, field + " is not a UUID: " + value, e);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new EventDecodingException(Reason.INVALID_DATA, "occurredAt is not an ISO-8601 instant: " + value, e);
        }
    }
}
