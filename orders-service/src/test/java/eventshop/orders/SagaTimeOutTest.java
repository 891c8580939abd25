package eventshop.orders;

import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.OrderRejected;
import eventshop.events.StockLine;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.service.OrderMetrics;
import eventshop.orders.service.PendingOrderTimeOuts;
import eventshop.testing.Http;
import eventshop.testing.KafkaTestClient;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static eventshop.orders.OrderApiTest.order;
import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga time-out on the real broker and database: an order inventory never answers is rejected as timed out through
 * the outbox (each order of a batch as if it were alone), exactly once even when several instances run the job at the
 * same moment, and an answer that arrives afterwards neither confirms it nor is dead-lettered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SagaTimeOutTest extends OrdersServiceFixture {

    // well above the 8 s time-out: the wait for a time-out is part of every test here
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    PendingOrderTimeOuts timeOuts;

    @Inject
    OrderMetrics metrics;

    private KafkaTestClient.TopicWatcher topics;

    SagaTimeOutTest() {
        super("orders");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("eventshop.orders.saga.pending-timeout", "8s",
                "eventshop.orders.saga.check-interval", "300ms",
                "eventshop.orders.saga.batch-size", "3");
    }

    @BeforeAll
    void setUp() {
        topics = kafka.watch(List.of(Topics.ORDERS, Topics.DEADLETTER));
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        topics.close();
    }

    @Test
    void anOrderInventoryNeverAnswersIsRejectedAsTimedOutAndALateReservationChangesNothing() {
        String id = place();
        assertThat(status(id)).isEqualTo("PENDING");

        await().atMost(WAIT).until(() -> status(id).equals("REJECTED"));
        JsonNode order = get(id);
        assertThat(order.get("statusReason").getStringValue())
                .isEqualTo("Timed out: the stock check did not answer within 8 seconds");
        assertThat(historyStatuses(order)).containsExactly("PENDING", "REJECTED");
        ConsumerRecord<String, byte[]> rejected = await().atMost(WAIT).until(() -> single(id, "OrderRejected"),
                r -> r != null);
        assertThat(codec.decode(rejected.value()).dataAs(OrderRejected.class).reason()).startsWith("Timed out: ");
        assertThat(codec.decode(rejected.value()).correlationId())
                .isEqualTo(codec.decode(single(id, "OrderPlaced").value()).correlationId());

        EventEnvelope late = EventEnvelope.of(new StockReserved(List.of(new StockLine("TEST-ESP", 1))),
                UUID.fromString(id), "late", "inventory-notification-service");
        kafka.send(Topics.INVENTORY, id, late, codec);
        await().atMost(WAIT).until(() -> database.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?",
                late.eventId()) == 1);

        assertThat(historyStatuses(get(id))).containsExactly("PENDING", "REJECTED");
        assertThat(all(id, "OrderConfirmed")).isEmpty();
        assertThat(topics.records()).filteredOn(r -> r.topic().equals(Topics.DEADLETTER))
                .noneMatch(r -> late.eventId().toString().equals(header(r, EventHeaders.EVENT_ID)));
    }

    @Test
    void anOrderAnsweredInTimeIsNotTimedOut() {
        String id = place();
        kafka.send(Topics.INVENTORY, id, EventEnvelope.of(new StockReserved(List.of(new StockLine("TEST-ESP", 1))),
                UUID.fromString(id), "in-time", "inventory-notification-service"), codec);
        await().atMost(WAIT).until(() -> status(id).equals("CONFIRMED"));

        // an order placed later has timed out, so the job has looked at the first one's deadline too
        String later = place();
        await().atMost(WAIT).until(() -> status(later).equals("REJECTED"));
        assertThat(historyStatuses(get(id))).containsExactly("PENDING", "CONFIRMED");
        assertThat(all(id, "OrderRejected")).isEmpty();
    }

    @Test
    void severalInstancesRejectEachOverdueOrderExactlyOnce() throws Exception {
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> place()).toList();
        String idList = String.join("','", ids);

        // four "instances" looking for overdue orders at once, besides this context's own scheduled job
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> jobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jobs.add(Executors.callable(() -> await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                    timeOuts.rejectOverdueBatch();
                    return database.queryLong("SELECT count(*) FROM customer_order WHERE status = 'PENDING' AND id IN ('"
                            + idList + "')") == 0;
                })));
            }
            for (Future<Object> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(all(id, "OrderRejected")).hasSize(1)));
        assertThat(ids).allSatisfy(id -> assertThat(historyStatuses(get(id))).containsExactly("PENDING", "REJECTED"));
    }

    @Test
    void eachOrderOfAnOverdueBatchIsRejectedAsIfAlone() {
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> place()).toList();
        double rejectedBefore = metrics.count(OrderStatus.REJECTED);

        // all three overdue in one statement, so one run of the job (batch size 3) takes them together
        database.execute("UPDATE customer_order SET created_at = created_at - interval '1 hour' WHERE id IN ('"
                + String.join("','", ids) + "')");

        await().atMost(WAIT).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(single(id, "OrderRejected")).isNotNull()));
        assertThat(ids).allSatisfy(id -> {
            assertThat(historyStatuses(get(id))).containsExactly("PENDING", "REJECTED");
            assertThat(codec.decode(single(id, "OrderRejected").value()).correlationId())
                    .isEqualTo(codec.decode(single(id, "OrderPlaced").value()).correlationId());
        });
        await().atMost(WAIT).until(() -> metrics.count(OrderStatus.REJECTED) == rejectedBefore + 3);
    }

    private String place() {
        Http.Reply reply = http.send(HttpRequest.POST("/orders", order("Tim", "tim@example.com", "TEST-ESP", "1")));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("id").getStringValue();
    }

    private JsonNode get(String id) {
        return http.send(HttpRequest.GET("/orders/" + id)).json();
    }

    private String status(String id) {
        return get(id).get("status").getStringValue();
    }

    private static List<String> historyStatuses(JsonNode order) {
        List<String> statuses = new ArrayList<>();
        order.get("history").values().forEach(h -> statuses.add(h.get("status").getStringValue()));
        return statuses;
    }

    private ConsumerRecord<String, byte[]> single(String orderId, String type) {
        List<ConsumerRecord<String, byte[]>> found = all(orderId, type);
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> all(String orderId, String type) {
        return topics.records().stream().filter(r -> r.topic().equals(Topics.ORDERS))
                .filter(r -> orderId.equals(r.key()) && type.equals(header(r, EventHeaders.EVENT_TYPE))).toList();
    }
}
