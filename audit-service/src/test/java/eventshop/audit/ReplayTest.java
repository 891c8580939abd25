package eventshop.audit;

import eventshop.testing.TestAccounts;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
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
    void aReplayRepublishesTheOriginalRecordsAndTheConsumerAppliesNothingTwice() throws IOException {
        UUID orderId = UUID.randomUUID();
        String key = orderId.toString();
        EventEnvelope placed = TestEvents.placed(orderId, "replay", TestEvents.now());
        EventEnvelope confirmed = TestEvents.confirmed(orderId, "replay", TestEvents.now().plusMillis(5));
        kafka.send(Topics.ORDERS, key, placed, codec);
        kafka.send(Topics.ORDERS, key, confirmed, codec);
        kafka.send(Topics.INVENTORY, key, TestEvents.reserved(orderId, "replay", TestEvents.now()), codec);
        // A dead letter of this order and an invalid record: matched by type/time selections, never replayed.
        kafka.send(Topics.DEADLETTER, key, TestEvents.confirmed(orderId, "replay", TestEvents.now()), codec);

        await().atMost(PATIENCE).until(() -> effects(orderId) == 2 && db.count("order_id = ?", orderId) == 4);
        assertThat(probe.deliveries(key)).isEqualTo(2);

        JsonNode result = post(Map.of("orderId", key));

        assertThat(result.get("replayed").getIntValue()).isEqualTo(3);
        assertThat(result.get("skipped").getLongValue()).isEqualTo(1);
        // The probe received both orders events a second time (the replay arrived) and skipped them (same ids).
        await().atMost(PATIENCE).until(() -> probe.deliveries(key) == 4);
        assertThat(effects(orderId)).isEqualTo(2);
        assertThat(db.count("TRUE AND event_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM "
                + "replay_probe_effect) AND order_id = ? AND topic = ?", orderId, Topics.ORDERS)).isZero();

        // The journal recorded the replays as such: same key, same bytes, same headers plus replayed=true.
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

        // The timeline shows each event once, with its replay counted.
        JsonNode timeline = json.readValue(http.toBlocking().retrieve(HttpRequest.GET("/audit/orders/" + orderId + "/timeline").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)),
                JsonNode.class);
        assertThat(timeline.get("events").size()).isEqualTo(4);
        int replays = 0;
        for (JsonNode event : timeline.get("events").values()) {
            replays += event.get("replays").getIntValue();
        }
        assertThat(replays).isEqualTo(3);
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

        HttpClientResponseException unknown = postFailing(Map.of("orderId", UUID.randomUUID().toString()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void aReplayWithoutSelectionOrWithMalformedFieldsAnswers400() {
        HttpClientResponseException empty = postFailing(Map.of());
        assertThat(empty.getStatus().getCode()).isEqualTo(400);
        assertThat(empty.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("orderId, type, from and/or to"));

        // A body that does not decode answers 400 problem+json naming the field, or the body when it is not JSON.
        HttpClientResponseException badId = postFailing(Map.of("orderId", "not-a-uuid"));
        assertThat(badId.getStatus().getCode()).isEqualTo(400);
        assertThat(badId.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .isEqualTo("application/problem+json"));
        assertThat(badId.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("\"field\":\"orderId\""));

        HttpClientResponseException badDate = postFailing(Map.of("from", "last tuesday"));
        assertThat(badDate.getStatus().getCode()).isEqualTo(400);
        assertThat(badDate.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("\"field\":\"from\""));

        HttpClientResponseException reversed = postFailing(Map.of("from", "2026-02-01T00:00:00Z",
                "to", "2026-01-01T00:00:00Z"));
        assertThat(reversed.getStatus().getCode()).isEqualTo(400);

        HttpClientResponseException notJson = catchThrowableOfType(HttpClientResponseException.class, () ->
                http.toBlocking().exchange(HttpRequest.POST("/audit/replay", "{oops").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)
                        .contentType("application/json"), String.class));
        assertThat(notJson.getStatus().getCode()).isEqualTo(400);
        assertThat(notJson.getResponse().getBody(String.class)).hasValueSatisfying(body ->
                assertThat(body).contains("\"field\":\"body\""));
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
