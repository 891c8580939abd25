package eventshop.events;

import eventshop.events.EventDecodingException.Reason;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false)
class EventCodecTest {

    @Inject
    EventCodec codec;

    static Stream<DomainEvent> everyEvent() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventSurvivesARoundTrip(DomainEvent data) {
        EventEnvelope original = EventEnvelope.of(data, UUID.randomUUID(), "req-42", "test");

        EventEnvelope decoded = codec.decode(codec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.data()).isInstanceOf(data.getClass());
    }

    static Stream<DomainEvent> eventsWithEmptyValues() {
        return Stream.of(new StockRejected("not a stock problem", java.util.List.of()),
                new ProductSnapshot("ESP-001", "Espresso", "", java.math.BigDecimal.ONE, "EUR", 0, 0),
                new NotificationSent(UUID.randomUUID(), "CUSTOMER", "a@example.com", "LOG", "Hello", ""));
    }

    /** Serde leaves empty values out by default; a required empty list or string must still survive. */
    @ParameterizedTest
    @MethodSource("eventsWithEmptyValues")
    void emptyListsAndStringsSurviveARoundTrip(DomainEvent data) {
        EventEnvelope original = EventEnvelope.of(data, UUID.randomUUID(), "req-42", "test");

        assertThat(codec.decode(codec.encode(original))).isEqualTo(original);
    }

    @Test
    void envelopeIsPlainJsonWithTheDocumentedFields() {
        EventEnvelope envelope = EventEnvelope.of(new StockReplenished("ESP-001", 10, 13), null, "req-1", "inventory");

        String json = new String(codec.encode(envelope), StandardCharsets.UTF_8);

        assertThat(json).contains("\"eventId\":\"" + envelope.eventId() + "\"", "\"type\":\"StockReplenished\"",
                "\"version\":1", "\"occurredAt\":\"" + envelope.occurredAt() + "\"", "\"correlationId\":\"req-1\"",
                "\"source\":\"inventory\"", "\"data\":{");
    }

    static Stream<Arguments> malformedRecords() {
        String valid = "\"eventId\":\"" + UUID.randomUUID() + "\",\"version\":1,\"occurredAt\":\"2026-11-21T10:15:30Z\","
                + "\"source\":\"test\"";
        String stockLine = "{\"lines\":[{\"sku\":\"ESP-001\",\"quantity\":2}]}";
        return Stream.of(
                Arguments.of("empty", new byte[0], Reason.MALFORMED_JSON),
                Arguments.of("not JSON", bytes("hello kafka"), Reason.MALFORMED_JSON),
                Arguments.of("truncated JSON", bytes("{" + valid + ",\"type\":\"StockReserved\",\"data\":{\"li"),
                        Reason.MALFORMED_JSON),
                Arguments.of("JSON array", bytes("[1,2,3]"), Reason.MALFORMED_JSON),
                Arguments.of("non-UTF-8 bytes", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, Reason.NOT_UTF8),
                Arguments.of("unknown type", bytes("{" + valid + ",\"type\":\"OrderTeleported\",\"data\":{}}"),
                        Reason.UNKNOWN_TYPE),
                Arguments.of("missing type", bytes("{" + valid + ",\"data\":" + stockLine + "}"), Reason.MISSING_FIELD),
                Arguments.of("missing data", bytes("{" + valid + ",\"type\":\"StockReserved\"}"), Reason.MISSING_FIELD),
                Arguments.of("missing eventId", bytes("{\"type\":\"StockReserved\",\"version\":1,"
                        + "\"occurredAt\":\"2026-11-21T10:15:30Z\",\"source\":\"t\",\"data\":" + stockLine + "}"),
                        Reason.MISSING_FIELD),
                Arguments.of("future version", bytes("{" + valid.replace("\"version\":1", "\"version\":9")
                        + ",\"type\":\"StockReserved\",\"data\":" + stockLine + "}"), Reason.UNSUPPORTED_VERSION),
                Arguments.of("wrong type of field", bytes("{" + valid + ",\"type\":\"StockReserved\","
                        + "\"data\":{\"lines\":[{\"sku\":\"ESP-001\",\"quantity\":\"two\"}]}}"), Reason.INVALID_DATA),
                Arguments.of("missing data field", bytes("{" + valid + ",\"type\":\"StockReserved\",\"data\":{}}"),
                        Reason.INVALID_DATA),
                Arguments.of("negative quantity", bytes("{" + valid + ",\"type\":\"OrderPlaced\",\"data\":{"
                        + "\"customer\":{\"name\":\"A\",\"email\":\"a@example.com\"},\"lines\":[{\"sku\":\"ESP-001\","
                        + "\"productName\":\"Espresso\",\"unitPrice\":2.5,\"quantity\":-3}],\"total\":0,"
                        + "\"currency\":\"EUR\"}}"), Reason.INVALID_DATA),
                Arguments.of("bad UUID", bytes("{" + valid.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"x\"")
                        + ",\"type\":\"StockReserved\",\"data\":" + stockLine + "}"), Reason.INVALID_DATA),
                Arguments.of("bad timestamp", bytes("{" + valid.replace("2026-11-21T10:15:30Z", "yesterday")
                        + ",\"type\":\"StockReserved\",\"data\":" + stockLine + "}"), Reason.INVALID_DATA));
    }

    /** Snapshots written before versions existed must still decode; they carry no version. */
    @Test
    void aProductSnapshotWithoutAVersionStillDecodes() {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ProductSnapshot\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-21T10:15:30Z\",\"source\":\"inventory\",\"data\":{\"sku\":\"ESP-001\","
                + "\"name\":\"Espresso\",\"description\":\"\",\"price\":2.5,\"currency\":\"EUR\",\"stock\":3,"
                + "\"lowWaterMark\":1}}";

        EventEnvelope decoded = codec.decode(bytes(json));

        assertThat(decoded.data()).isInstanceOfSatisfying(ProductSnapshot.class,
                snapshot -> assertThat(snapshot.version()).isNull());
    }

    @Test
    void aProductSnapshotWithAVersionBelowOneIsInvalid() {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ProductSnapshot\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-21T10:15:30Z\",\"source\":\"inventory\",\"data\":{\"sku\":\"ESP-001\","
                + "\"name\":\"Espresso\",\"description\":\"\",\"price\":2.5,\"currency\":\"EUR\",\"stock\":3,"
                + "\"lowWaterMark\":1,\"version\":0}}";

        assertThatThrownBy(() -> codec.decode(bytes(json))).isInstanceOfSatisfying(EventDecodingException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DATA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedRecordsGiveATypedDecodingError(String description, byte[] payload, Reason expected) {
        assertThatThrownBy(() -> codec.decode(payload))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> assertThat(e.reason()).isEqualTo(expected));
    }

    @Test
    void everyTopicIsPrefixedSoThePatternSubscriptionSeesIt() {
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.name()).matches(Topics.ALL_PATTERN));
        assertThat(EventTypes.names()).hasSize(DomainEvent.class.getPermittedSubclasses().length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
