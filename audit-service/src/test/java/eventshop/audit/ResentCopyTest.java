package eventshop.audit;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A relay that missed its acknowledgements (a broker failing over) sends its batch again: the same event sits on its
 * topic twice, at two offsets. The journal keeps every record but marks the later copies {@code resent}, so the rows
 * neither resent nor replayed hold each event of a topic exactly once; a replay is no resent copy, and the same event
 * id on another topic (a dead letter) is an event of that topic. Real broker, real PostgreSQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResentCopyTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    EventCodec codec;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    private AuditTestSupport.Db db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = AuditTestSupport.properties(Map.of());
        db = AuditTestSupport.Db.of(props);
        return props;
    }

    @Test
    void copiesOfAnEventAtNewOffsetsAreJournaledAsResentAndTheEventCountsOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        EventEnvelope placed = TestEvents.placed(orderId, "resent", TestEvents.now());
        String key = orderId.toString();
        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
             KafkaProducer<String, byte[]> producer = AuditTestSupport.bulkProducer()) {
            // Two copies back to back (most likely one poll, one JDBC batch) ...
            kafka.send(Topics.ORDERS, key, placed, codec);
            kafka.send(Topics.ORDERS, key, placed, codec);
            await().atMost(PATIENCE).until(() -> db.count("order_id = ?", orderId) == 2);
            // ... a third once those are journaled, a replay of it, and the same event dead-lettered.
            kafka.send(Topics.ORDERS, key, placed, codec);
            producer.send(AuditTestSupport.record(Topics.ORDERS, key, codec.encode(placed),
                    Map.of(EventHeaders.EVENT_ID, placed.eventId().toString(), EventHeaders.REPLAYED, "true")))
                    .get(30, TimeUnit.SECONDS);
            kafka.send(Topics.DEADLETTER, key, placed, codec);
            await().atMost(PATIENCE).until(() -> db.count("order_id = ?", orderId) == 5);
        }

        assertThat(db.rows("""
                SELECT topic, replayed, resent, count(*) AS copies FROM journal_entry WHERE event_id = ?
                GROUP BY topic, replayed, resent ORDER BY topic, replayed, resent""", placed.eventId()))
                .extracting(row -> row.get("topic") + " replayed=" + row.get("replayed") + " resent="
                        + row.get("resent") + " x" + row.get("copies"))
                .containsExactly(
                        Topics.DEADLETTER + " replayed=false resent=false x1",
                        Topics.ORDERS + " replayed=false resent=false x1",
                        Topics.ORDERS + " replayed=false resent=true x2",
                        Topics.ORDERS + " replayed=true resent=false x1");
        // The original is the copy with the lowest offset: the first one the topic holds.
        assertThat(db.rows("SELECT kafka_offset FROM journal_entry WHERE event_id = ? AND topic = ? AND NOT resent "
                + "AND NOT replayed", placed.eventId(), Topics.ORDERS).get(0).get("kafka_offset"))
                .isEqualTo(db.rows("SELECT min(kafka_offset) AS first FROM journal_entry WHERE event_id = ? AND "
                        + "topic = ?", placed.eventId(), Topics.ORDERS).get(0).get("first"));

        List<JsonNode> entries = list(get("/audit/events?orderId=" + orderId + "&topic=" + Topics.ORDERS).get("items"));
        assertThat(entries).extracting(e -> e.get("resent").getBooleanValue())
                .containsExactlyInAnyOrder(false, true, true, false);
        // The timeline shows the event once (per topic), every copy counted as a delivery, the resent ones as such.
        List<JsonNode> steps = list(get("/audit/orders/" + orderId + "/timeline").get("events"));
        assertThat(steps).extracting(e -> e.get("topic").getStringValue() + " x" + e.get("deliveries").getIntValue()
                        + " resent " + e.get("resends").getIntValue() + " replayed " + e.get("replays").getIntValue())
                .containsExactlyInAnyOrder(Topics.ORDERS + " x4 resent 2 replayed 1",
                        Topics.DEADLETTER + " x1 resent 0 replayed 0");
    }

    private JsonNode get(String uri) throws IOException {
        return json.readValue(http.toBlocking().retrieve(HttpRequest.GET(uri)
                .basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)), JsonNode.class);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }
}
