package eventshop.audit;

import eventshop.testing.TestAccounts;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** The read side: filtered pages, an order's timeline, counts, the streamed export, and answers to bad input. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class QueryApiTest implements TestPropertyProvider {

    private static final int EXPORT_EVENTS = 5000;

    @Inject
    EventCodec codec;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final UUID storyOrder = UUID.randomUUID();
    private final UUID bulkOrder = UUID.randomUUID();
    private final String correlationId = "click-" + storyOrder;
    private final String invalidKey = "query-garbage-" + UUID.randomUUID();
    private Instant startedAt;
    private AuditTestSupport.Db db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = AuditTestSupport.properties(Map.of());
        db = AuditTestSupport.Db.of(props);
        return props;
    }

    /**
     * One order's story, with the times it happened chosen (0, 120, 250, 300 ms after the click) and sent out of order
     * on different topics, one event twice; two invalid records; and a bulk order of 5000 events for the export.
     */
    @BeforeAll
    void journalAStoryAndABulkOrder() {
        startedAt = Instant.now().minusSeconds(1);
        Instant click = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        String key = storyOrder.toString();
        EventEnvelope reserved = TestEvents.reserved(storyOrder, correlationId, click.plusMillis(120));
        kafka.send(Topics.NOTIFICATIONS, key, TestEvents.notified(storyOrder, correlationId, click.plusMillis(300)),
                codec);
        kafka.send(Topics.ORDERS, key, TestEvents.confirmed(storyOrder, correlationId, click.plusMillis(250)), codec);
        kafka.send(Topics.INVENTORY, key, reserved, codec);
        kafka.send(Topics.INVENTORY, key, reserved, codec);
        kafka.send(Topics.ORDERS, key, TestEvents.placed(storyOrder, correlationId, click), codec);
        kafka.sendRaw(Topics.NOTIFICATIONS, invalidKey, "not an event".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.NOTIFICATIONS, invalidKey, new byte[] {(byte) 0xFE});

        try (KafkaProducer<String, byte[]> producer = AuditTestSupport.bulkProducer()) {
            for (int i = 0; i < EXPORT_EVENTS; i++) {
                EventEnvelope event = TestEvents.confirmed(bulkOrder, "bulk", TestEvents.now());
                producer.send(AuditTestSupport.record(Topics.ORDERS, bulkOrder.toString(), codec.encode(event),
                        Map.of(EventHeaders.EVENT_TYPE, event.type())));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("order_id = ?", storyOrder) == 5
                && db.count("order_id = ?", bulkOrder) == EXPORT_EVENTS && db.count("message_key = ?", invalidKey) == 2);
    }

    @AfterAll
    void closeClient() {
        kafka.close();
    }

    @Test
    void theTimelineShowsEachEventOnceInTheOrderTheyHappenedWithTheirLatencies() throws IOException {
        JsonNode timeline = get("/audit/orders/" + storyOrder + "/timeline");

        assertThat(timeline.get("orderId").getStringValue()).isEqualTo(storyOrder.toString());
        List<JsonNode> events = list(timeline.get("events"));
        assertThat(events).extracting(e -> e.get("type").getStringValue())
                .containsExactly("OrderPlaced", "StockReserved", "OrderConfirmed", "NotificationSent");
        assertThat(events).extracting(e -> e.get("sinceFirstMs").getLongValue()).containsExactly(0L, 120L, 250L, 300L);
        assertThat(events).extracting(e -> e.get("sincePreviousMs").getLongValue()).containsExactly(0L, 120L, 130L, 50L);
        assertThat(events).extracting(e -> e.get("topic").getStringValue())
                .containsExactly(Topics.ORDERS, Topics.INVENTORY, Topics.ORDERS, Topics.NOTIFICATIONS);
        assertThat(events).extracting(e -> e.get("source").getStringValue()).containsExactly("orders-service",
                "inventory-notification-service", "orders-service", "inventory-notification-service");
        // The reservation was delivered twice: one step, two deliveries.
        assertThat(events).extracting(e -> e.get("deliveries").getIntValue()).containsExactly(1, 2, 1, 1);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("correlationId").getStringValue()).isEqualTo(correlationId);
            assertThat(Instant.parse(e.get("occurredAt").getStringValue())).isBefore(Instant.now());
            assertThat(Instant.parse(e.get("recordedAt").getStringValue())).isAfter(startedAt);
        });
    }

    @Test
    void anOrderTheJournalHasNotSeenHasAnEmptyTimeline() throws IOException {
        assertThat(list(get("/audit/orders/" + UUID.randomUUID() + "/timeline").get("events"))).isEmpty();
    }

    @Test
    void eventsAreFilteredAndPagedNewestFirst() throws IOException {
        JsonNode first = get("/audit/events?orderId=" + storyOrder + "&size=2");
        assertThat(first.get("total").getLongValue()).isEqualTo(5);
        assertThat(first.get("page").getIntValue()).isZero();
        assertThat(first.get("size").getIntValue()).isEqualTo(2);
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            list(get("/audit/events?orderId=" + storyOrder + "&size=2&page=" + page).get("items"))
                    .forEach(item -> ids.add(item.get("id").getLongValue()));
        }
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));

        assertThat(get("/audit/events?orderId=" + storyOrder + "&type=StockReserved").get("total").getLongValue())
                .isEqualTo(2);
        assertThat(get("/audit/events?orderId=" + storyOrder + "&topic=shop.orders").get("total").getLongValue())
                .isEqualTo(2);
        assertThat(get("/audit/events?orderId=" + storyOrder + "&from=" + startedAt).get("total").getLongValue())
                .isEqualTo(5);
        assertThat(get("/audit/events?orderId=" + storyOrder + "&to=" + startedAt).get("total").getLongValue())
                .isZero();
        List<JsonNode> invalid = list(get("/audit/events?valid=false&topic=shop.notifications&size=200").get("items"));
        assertThat(invalid).filteredOn(e -> invalidKey.equals(e.get("key").getStringValue())).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.get("valid").getBooleanValue()).isFalse();
                    assertThat(e.get("error").getStringValue()).isNotBlank();
                });
    }

    @Test
    void statsCountTheJournal() throws IOException {
        JsonNode stats = get("/audit/stats");
        assertThat(stats.get("total").getLongValue()).isGreaterThanOrEqualTo(EXPORT_EVENTS + 7);
        assertThat(stats.get("invalid").getLongValue()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("lastMinute").getLongValue()).isGreaterThanOrEqualTo(EXPORT_EVENTS + 7);
        assertThat(stats.get("byType").get("OrderConfirmed").getLongValue()).isGreaterThanOrEqualTo(EXPORT_EVENTS + 1);
        assertThat(stats.get("byType").get("StockReserved").getLongValue()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("byTopic").get(Topics.ORDERS).getLongValue()).isGreaterThanOrEqualTo(EXPORT_EVENTS + 2);
        Instant firstAt = Instant.parse(stats.get("firstEventAt").getStringValue());
        assertThat(Instant.parse(stats.get("lastEventAt").getStringValue())).isAfterOrEqualTo(firstAt);
    }

    @Test
    void theExportStreamsTheSelectionAsJsonLinesOldestFirst() throws IOException {
        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/audit/export?orderId=" + bulkOrder).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), String.class);

        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .isEqualTo("application/x-ndjson"));
        assertThat(response.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(EXPORT_EVENTS);
        long previousId = 0;
        for (String line : lines) {
            JsonNode entry = json.readValue(line, JsonNode.class);
            assertThat(entry.get("orderId").getStringValue()).isEqualTo(bulkOrder.toString());
            assertThat(entry.get("type").getStringValue()).isEqualTo("OrderConfirmed");
            assertThat(entry.get("id").getLongValue()).isGreaterThan(previousId);
            previousId = entry.get("id").getLongValue();
        }
        long everything = http.toBlocking().retrieve(HttpRequest.GET("/audit/export").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)).lines().count();
        assertThat(everything).isEqualTo(db.count("TRUE"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/audit/events?orderId=not-a-uuid | orderId",
            "/audit/events?from=yesterday | from",
            "/audit/events?to=2026-13-01T00:00:00Z | to",
            "/audit/events?valid=maybe | valid",
            "/audit/events?size=0 | size",
            "/audit/events?size=201 | size",
            "/audit/events?page=-1 | page",
            "/audit/events?page=x | page",
            "/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z | from",
            "/audit/export?orderId=42 | orderId",
            "/audit/orders/not-a-uuid/timeline | orderId"})
    void malformedParametersAnswer400ProblemsNamingTheParameter(String uri, String parameter) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(uri).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), String.class));

        assertThat(e).as(uri).isNotNull();
        assertThat(e.getStatus().getCode()).as(uri).isEqualTo(400);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .isEqualTo("application/problem+json"));
        assertThat(e.getResponse().getBody(String.class)).as(uri).hasValueSatisfying(body ->
                assertThat(body).contains(parameter));
    }

    private JsonNode get(String uri) throws IOException {
        return json.readValue(http.toBlocking().retrieve(HttpRequest.GET(uri).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)), JsonNode.class);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }
}
