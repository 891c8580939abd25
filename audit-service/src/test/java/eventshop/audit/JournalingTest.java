package eventshop.audit;

import eventshop.testing.TestAccounts;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.ProductSales;
import eventshop.events.Topics;
import eventshop.platform.observability.MetricsSummaryLogger;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The journal itself: every topic, valid or not, new topics, and a table the database keeps append-only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalingTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MetricsSummaryLogger summary;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private AuditTestSupport.Db db;
    /** The audit database's owner: even it, which has every privilege on the journal, cannot rewrite it. */
    private AuditTestSupport.Db owner;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = AuditTestSupport.properties(Map.of("eventshop.audit.lag-interval", "1s"));
        db = AuditTestSupport.Db.of(props);
        owner = AuditTestSupport.Db.owner(props);
        return props;
    }

    @AfterAll
    void closeClient() {
        kafka.close();
    }

    @Test
    void everyShopTopicIsJournaledWithItsCoordinatesHeadersAndEnvelope() {
        UUID orderId = UUID.randomUUID();
        String correlationId = "all-topics-" + orderId;
        kafka.send(Topics.ORDERS, orderId.toString(), TestEvents.placed(orderId, correlationId, TestEvents.now()), codec);
        kafka.send(Topics.INVENTORY, orderId.toString(), TestEvents.reserved(orderId, correlationId, TestEvents.now()),
                codec);
        kafka.send(Topics.NOTIFICATIONS, orderId.toString(),
                TestEvents.notified(orderId, correlationId, TestEvents.now()), codec);
        kafka.send(Topics.CATALOG, "ESP-001", TestEvents.snapshot("ESP-001", correlationId), codec);
        kafka.send(Topics.DEADLETTER, orderId.toString(),
                TestEvents.confirmed(orderId, correlationId, TestEvents.now()), codec);
        // shop.sales (analytics-service's figures) is journaled like any shop topic, through the subscription by pattern.
        kafka.send(Topics.SALES, "ESP-001", EventEnvelope.of(new ProductSales("ESP-001", "Espresso", 2,
                new BigDecimal("4.40"), "EUR"), null, correlationId, "analytics-service"), codec);

        await().atMost(PATIENCE).until(() -> db.count("correlation_id = ?", correlationId) == Topics.ALL.size());

        List<Map<String, Object>> rows = db.rows("SELECT * FROM journal_entry WHERE correlation_id = ?", correlationId);
        assertThat(rows.stream().map(r -> r.get("topic")).collect(Collectors.toSet()))
                .isEqualTo(Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet()));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("valid")).isEqualTo(true);
            assertThat(row.get("decode_error")).isNull();
            assertThat(row.get("event_id")).isNotNull();
            assertThat(row.get("event_version")).isEqualTo(1);
            assertThat(row.get("source")).asString().endsWith("-service");
            assertThat(row.get("occurred_at")).isNotNull();
            assertThat(row.get("record_timestamp")).isNotNull();
            assertThat(row.get("received_at")).isNotNull();
            assertThat((Long) row.get("kafka_offset")).isNotNegative();
            assertThat(row.get("headers").toString()).contains(EventHeaders.EVENT_TYPE, (String) row.get("event_type"));
            assertThat(row.get("payload")).asString().contains((String) row.get("event_type"));
            assertThat(row.get("replayed")).isEqualTo(false);
        });
        Map<String, Object> order = rows.stream().filter(r -> r.get("topic").equals(Topics.ORDERS)).findFirst()
                .orElseThrow();
        assertThat(order.get("message_key")).isEqualTo(orderId.toString());
        assertThat(order.get("order_id")).isEqualTo(orderId);
        assertThat(order.get("event_type")).isEqualTo("OrderPlaced");

        String page = http.toBlocking().retrieve(HttpRequest.GET("/audit/events?correlationId=" + correlationId)
                .basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        assertThat(page).contains("\"total\":6", "\"topic\":\"shop.deadletter\"", "\"type\":\"ProductSnapshot\"",
                "\"type\":\"ProductSales\"");
    }

    @Test
    void recordsThatAreNotEventsAreJournaledAsInvalidWithTheReason() {
        String prefix = "bad-" + UUID.randomUUID();
        byte[] notUtf8 = {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x41};
        kafka.sendRaw(Topics.ORDERS, prefix + "-binary", notUtf8);
        kafka.sendRaw(Topics.ORDERS, prefix + "-json", "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.INVENTORY, prefix + "-type", ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":"
                + "\"Bogus\",\"version\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"source\":\"x\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.NOTIFICATIONS, prefix + "-tombstone", null);

        await().atMost(PATIENCE).until(() -> db.count("message_key LIKE ?", prefix + "%") == 4);

        Map<String, Map<String, Object>> byKey = db.rows("SELECT * FROM journal_entry WHERE message_key LIKE ?",
                prefix + "%").stream().collect(Collectors.toMap(r -> (String) r.get("message_key"), r -> r));
        assertThat(byKey.values()).allSatisfy(row -> {
            assertThat(row.get("valid")).isEqualTo(false);
            assertThat(row.get("event_id")).isNull();
        });
        Map<String, Object> binary = byKey.get(prefix + "-binary");
        assertThat(binary.get("decode_error")).asString().startsWith("NOT_UTF8");
        assertThat(binary.get("payload_base64")).isEqualTo(true);
        assertThat(Base64.getDecoder().decode((String) binary.get("payload"))).isEqualTo(notUtf8);
        assertThat(byKey.get(prefix + "-json").get("decode_error")).asString().startsWith("MALFORMED_JSON");
        assertThat(byKey.get(prefix + "-json").get("payload")).isEqualTo("{not json");
        assertThat(byKey.get(prefix + "-type").get("decode_error")).asString().startsWith("UNKNOWN_TYPE")
                .contains("Bogus");
        assertThat(byKey.get(prefix + "-tombstone").get("payload")).isNull();

        String invalidPage = http.toBlocking().retrieve(HttpRequest.GET("/audit/events?valid=false&topic=shop.orders&size=200").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        assertThat(invalidPage).contains(prefix + "-binary", prefix + "-json").doesNotContain("\"valid\":true");
    }

    @Test
    void aRecordWhoseValuesTheDatabaseRefusesIsJournaledAsUnstorableAndItsNeighboursAsUsual() {
        UUID farFuture = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        String placed = new String(codec.encode(TestEvents.placed(farFuture, "far-future", TestEvents.now())),
                StandardCharsets.UTF_8);
        // A valid event by the codec's rules, but PostgreSQL's timestamps end in the year 294276.
        String yearThreeHundredThousand = placed.replaceFirst("\"occurredAt\":\"[^\"]+\"",
                "\"occurredAt\":\"+300000-01-01T00:00:00Z\"");
        assertThat(yearThreeHundredThousand).contains("+300000");
        kafka.sendRaw(Topics.ORDERS, farFuture.toString(), yearThreeHundredThousand.getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.ORDERS, farFuture.toString(), TestEvents.placed(neighbour, "neighbour", TestEvents.now()),
                codec);

        await().atMost(PATIENCE).until(() -> db.count("order_id = ?", neighbour) == 1
                && db.count("message_key = ? AND NOT valid", farFuture.toString()) == 1);
        Map<String, Object> unstorable = db.rows("SELECT * FROM journal_entry WHERE message_key = ? AND NOT valid",
                farFuture.toString()).get(0);
        assertThat(unstorable.get("decode_error")).asString().startsWith("cannot be stored");
        assertThat(unstorable.get("payload")).isEqualTo(yearThreeHundredThousand);
        assertThat(db.count("order_id = ? AND valid", neighbour)).isEqualTo(1);
    }

    @Test
    void aTopicCreatedAtRunTimeIsJournaledWithoutAnyChange() {
        String topic = "shop.audit-new-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaBroker.shared().createTopics(List.of(new Topics.Spec(topic, 1, false)));
        UUID orderId = UUID.randomUUID();
        kafka.send(topic, orderId.toString(), TestEvents.placed(orderId, "new-topic", TestEvents.now()), codec);

        await().atMost(PATIENCE).until(() -> db.count("topic = ? AND order_id = ? AND valid", topic, orderId) == 1);
    }

    @Test
    void theDatabaseRejectsUpdatesDeletesAndTruncation() throws SQLException {
        UUID orderId = UUID.randomUUID();
        kafka.send(Topics.ORDERS, orderId.toString(), TestEvents.placed(orderId, "append-only", TestEvents.now()),
                codec);
        await().atMost(PATIENCE).until(() -> db.count("order_id = ?", orderId) == 1);
        long total = db.count("TRUE");

        // The service's own role is refused by privileges (JournalPrivilegesTest); the owner, who holds them, by the
        // append-only trigger.
        try (Connection c = owner.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(
                    "UPDATE journal_entry SET event_type = 'Forged' WHERE order_id = '" + orderId + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only").hasMessageContaining("UPDATE");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM journal_entry WHERE order_id = '" + orderId + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only").hasMessageContaining("DELETE");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE journal_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only")
                    .hasMessageContaining("TRUNCATE");
        }
        assertThat(db.count("order_id = ? AND event_type = 'OrderPlaced'", orderId)).isEqualTo(1);
        assertThat(db.count("TRUE")).isGreaterThanOrEqualTo(total);
    }

    @Test
    void healthMetricsAndTheSummaryLineReportTheJournal() {
        UUID orderId = UUID.randomUUID();
        kafka.send(Topics.ORDERS, orderId.toString(), TestEvents.placed(orderId, "metrics", TestEvents.now()), codec);
        kafka.sendRaw(Topics.ORDERS, "metrics-garbage", "garbage".getBytes(StandardCharsets.UTF_8));
        await().atMost(PATIENCE).until(() -> db.count("order_id = ? OR message_key = 'metrics-garbage'", orderId) >= 2);

        HttpResponse<String> health = http.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(health.code()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/health/liveness"), String.class).code()).isEqualTo(200);
        HttpResponse<String> readiness = http.toBlocking().exchange(HttpRequest.GET("/health/readiness").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), String.class);
        assertThat(readiness.code()).isEqualTo(200);
        assertThat(readiness.body()).as("readiness covers the database and Kafka").contains("\"jdbc\"", "\"kafka\"");

        await().atMost(PATIENCE).untilAsserted(() -> {
            String prometheus = http.toBlocking().retrieve("/prometheus");
            Set<String> lines = prometheus.lines().collect(Collectors.toSet());
            assertThat(lines).anyMatch(l -> l.startsWith("eventshop_audit_journaled_total{topic=\"shop.orders\"}"));
            assertThat(lines).anyMatch(l -> l.startsWith("eventshop_audit_invalid_total{topic=\"shop.orders\"}"));
            // Everything is journaled and committed: the lag gauge comes down to zero.
            assertThat(lines).anyMatch(l -> l.startsWith("eventshop_audit_consumer_lag{") && l.endsWith(" 0.0"));
        });
        assertThat(summary.summary()).startsWith("metrics service=audit-service journaled=")
                .contains("invalid=", "events_per_s=", "lag=0", "write_success_rate=100.0%");
    }
}
