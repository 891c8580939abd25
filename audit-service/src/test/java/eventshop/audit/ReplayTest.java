package eventshop.audit;

import eventshop.events.EventCodec;
import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestAccounts;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Replaying journaled events republishes them unchanged, and an idempotent consumer applies nothing twice. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;

    @Inject
    JsonMapper json;

    @Inject
    ReplayProbe probe;

    @Inject
    ConsumerRegistry consumers;

    @Inject
    @Client("/")
    HttpClient http;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private AuditTestSupport.Db db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = AuditTestSupport.properties(Map.of("test.replay-probe.enabled", "true"));
        db = AuditTestSupport.Db.of(props);
        return props;
    }

    /** The probe reads from the latest offsets (not the thousands of records other classes left); wait till it is in. */
    @BeforeAll
    void waitForTheProbe() {
        await().atMost(PATIENCE).until(() -> !consumers.getConsumerAssignment(ReplayProbe.CLIENT_ID).isEmpty());
    }

    @AfterAll
    void closeClient() {
        kafka.close();
    }

    @Test
    void aReplayRepublishesTheOriginalsOfTheSelectionAndSkipsDeadLetters() throws IOException {
        UUID orderId = journaledOrder("replay-1");

        JsonNode result = post(Map.of("orderId", orderId.toString()));

        assertThat(result.get("replayed").getIntValue()).isEqualTo(3);
        assertThat(result.get("skipped").getLongValue()).isEqualTo(1);
    }

    /** The probe receives both orders events a second time (the replay arrived) and skips them (same ids). */
    @Test
    void anIdempotentConsumerAppliesNothingTwice() throws IOException {
        UUID orderId = journaledOrder("replay-2");
        String key = orderId.toString();

        post(Map.of("orderId", key));

        await().atMost(PATIENCE).until(() -> probe.deliveries(key) == 4);
        assertThat(effects(orderId)).isEqualTo(2);
        assertThat(db.count("TRUE AND event_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM "
                + "replay_probe_effect) AND order_id = ? AND topic = ?", orderId, Topics.ORDERS)).isZero();
    }

    /** Same key, same bytes, same headers plus replayed=true. */
    @Test
    void theJournalRecordsTheReplaysAsCopiesOfTheOriginals() throws IOException {
        UUID orderId = journaledOrder("replay-3");

        post(Map.of("orderId", orderId.toString()));

        await().atMost(PATIENCE).until(() -> db.count("order_id = ? AND replayed", orderId) == 3);
        List<Map<String, Object>> copies = db.rows("""
                SELECT o.message_key AS original_key, r.message_key AS replay_key, o.payload AS original_payload,
                       r.payload AS replay_payload, r.headers::text AS replay_headers
                FROM journal_entry o JOIN journal_entry r ON r.event_id = o.event_id AND r.topic = o.topic
                WHERE o.order_id = ? AND NOT o.replayed AND r.replayed""", orderId);
        assertThat(copies).hasSize(3).allSatisfy(copy -> {
            assertThat(copy.get("replay_key")).isEqualTo(copy.get("original_key"));
            assertThat(copy.get("replay_payload")).isEqualTo(copy.get("original_payload"));
            assertThat((String) copy.get("replay_headers")).contains(EventHeaders.EVENT_ID, EventHeaders.CORRELATION_ID,
                    "\"name\": \"replayed\", \"value\": \"true\"");
        });
    }

    @Test
    void theTimelineShowsEachEventOnceWithItsReplaysCounted() throws IOException {
        UUID orderId = journaledOrder("replay-4");
        post(Map.of("orderId", orderId.toString()));
        await().atMost(PATIENCE).until(() -> db.count("order_id = ? AND replayed", orderId) == 3);

        JsonNode timeline = json.readValue(http.toBlocking().retrieve(HttpRequest.GET("/audit/orders/" + orderId
                + "/timeline").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)), JsonNode.class);

        assertThat(timeline.get("events").size()).isEqualTo(4);
        int replays = 0;
        for (JsonNode event : timeline.get("events").values()) {
            replays += event.get("replays").getIntValue();
        }
        assertThat(replays).isEqualTo(3);
    }

    @Test
    void aSelectionOfAnUnknownOrderAnswers404() {
        HttpClientResponseException unknown = postFailing(Map.of("orderId", UUID.randomUUID().toString()));

        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void aSelectionThatMatchesNothingReplayableAnswers404SayingWhy() {
        UUID orderId = UUID.randomUUID();
        kafka.send(Topics.DEADLETTER, orderId.toString(), TestEvents.placed(orderId, "dlt", TestEvents.now()), codec);
        await().atMost(PATIENCE).until(() -> db.count("order_id = ?", orderId) == 1);

        HttpClientResponseException e = postFailing(Map.of("orderId", orderId.toString()));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(body -> assertThat(body)
                .contains("No journaled event to replay matches", "1 matching records are invalid or dead letters"));
    }

    @Test
    void aReplayWithoutSelectionAnswers400SayingWhatToGive() {
        HttpClientResponseException empty = postFailing(Map.of());

        assertThat(empty.getStatus().getCode()).isEqualTo(400);
        assertThat(empty.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("orderId, type, from and/or to"));
    }

    @ParameterizedTest
    @CsvSource({"orderId, not-a-uuid", "from, last tuesday"})
    void aFieldThatDoesNotDecodeAnswers400NamingIt(String field, String value) {
        HttpClientResponseException bad = postFailing(Map.of(field, value));

        assertThat(bad.getStatus().getCode()).isEqualTo(400);
        assertThat(bad.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .isEqualTo("application/problem+json"));
        assertThat(bad.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("\"field\":\"" + field + "\""));
    }

    @Test
    void aSelectionFromAfterItsToAnswers400() {
        HttpClientResponseException reversed = postFailing(Map.of("from", "2026-02-01T00:00:00Z",
                "to", "2026-01-01T00:00:00Z"));

        assertThat(reversed.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotJsonAnswers400NamingTheBody() {
        HttpClientResponseException notJson = catchThrowableOfType(HttpClientResponseException.class, () ->
                http.toBlocking().exchange(HttpRequest.POST("/audit/replay", "{oops")
                        .basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)
                        .contentType("application/json"), String.class));

        assertThat(notJson.getStatus().getCode()).isEqualTo(400);
        assertThat(notJson.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("\"field\":\"body\""));
    }

    /**
     * Two orders events the probe applies, one inventory event, and a dead letter of the same order (matched by a
     * selection, never replayed), all journaled and applied once before the replay.
     */
    private UUID journaledOrder(String correlationId) {
        UUID orderId = UUID.randomUUID();
        String key = orderId.toString();
        kafka.send(Topics.ORDERS, key, TestEvents.placed(orderId, correlationId, TestEvents.now()), codec);
        kafka.send(Topics.ORDERS, key, TestEvents.confirmed(orderId, correlationId, TestEvents.now().plusMillis(5)),
                codec);
        kafka.send(Topics.INVENTORY, key, TestEvents.reserved(orderId, correlationId, TestEvents.now()), codec);
        kafka.send(Topics.DEADLETTER, key, TestEvents.confirmed(orderId, correlationId, TestEvents.now()), codec);
        await().atMost(PATIENCE).until(() -> effects(orderId) == 2 && db.count("order_id = ?", orderId) == 4);
        assertThat(probe.deliveries(key)).isEqualTo(2);
        return orderId;
    }

    private long effects(UUID orderId) {
        return ((Number) db.rows("SELECT count(*) AS n FROM replay_probe_effect WHERE order_id = ?", orderId).get(0)
                .get("n")).longValue();
    }

    private JsonNode post(Map<String, String> body) throws IOException {
        String response = http.toBlocking().retrieve(HttpRequest.POST("/audit/replay", new HashMap<>(body)).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        return json.readValue(response.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }

    private HttpClientResponseException postFailing(Map<String, String> body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/audit/replay", new HashMap<>(body)).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), String.class));
        assertThat(e).as("expected an error for " + body).isNotNull();
        return e;
    }
}
