package eventshop.orders;

import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderRejected;
import eventshop.events.ProductSnapshot;
import eventshop.events.Shortage;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.orders.api.OrderController;
import eventshop.platform.observability.EventMetrics;
import eventshop.testing.Http;
import eventshop.testing.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static eventshop.orders.OrderApiTest.order;
import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order lifecycle driven by real inventory events on the real broker: confirmation, rejection, idempotency,
 * dead letters for what cannot apply, cancellation, and the catalog replica following shop.catalog.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderLifecycleTest extends OrdersServiceFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry meters;

    private KafkaTestClient.TopicWatcher topics;

    OrderLifecycleTest() {
        super("orders");
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
    void stockReservedConfirmsTheOrderAndOrderConfirmedCarriesTheCorrelationIdOfTheChain() {
        String id = placeOrder();
        double confirmedBefore = counter("eventshop.orders.confirmed");

        kafka.send(Topics.INVENTORY, id, reserved(id, "chain-1"), codec);

        await().atMost(WAIT).until(() -> status(id).equals("CONFIRMED"));
        assertThat(historyStatuses(get(id))).containsExactly("PENDING", "CONFIRMED");
        ConsumerRecord<String, byte[]> confirmed = await().atMost(WAIT).until(() -> first(id, "OrderConfirmed"),
                r -> r != null);
        assertThat(header(confirmed, EventHeaders.CORRELATION_ID)).isEqualTo("chain-1");
        assertThat(codec.decode(confirmed.value()).correlationId()).isEqualTo("chain-1");
        await().atMost(WAIT).until(() -> counter("eventshop.orders.confirmed") == confirmedBefore + 1);
    }

    @Test
    void aRedeliveredStockReservedIsSkippedAsADuplicate() {
        String id = placeOrder();
        EventEnvelope reserved = reserved(id, "chain-2");
        kafka.send(Topics.INVENTORY, id, reserved, codec);
        await().atMost(WAIT).until(() -> first(id, "OrderConfirmed") != null);
        double duplicatesBefore = counter(EventMetrics.DUPLICATES);

        kafka.send(Topics.INVENTORY, id, reserved, codec); // redelivery: same event id

        await().atMost(WAIT).until(() -> counter(EventMetrics.DUPLICATES) > duplicatesBefore);
        assertThat(historyStatuses(get(id))).containsExactly("PENDING", "CONFIRMED");
        assertThat(all(id, "OrderConfirmed")).hasSize(1);
    }

    @Test
    void theSameOutcomeAgainUnderANewEventIdChangesNothing() {
        String id = placeOrder();
        double confirmedBefore = counter("eventshop.orders.confirmed");
        kafka.send(Topics.INVENTORY, id, reserved(id, "chain-3"), codec);
        await().atMost(WAIT).until(() -> first(id, "OrderConfirmed") != null);
        double consumedBefore = counter(EventMetrics.CONSUMED);

        kafka.send(Topics.INVENTORY, id, reserved(id, "chain-3"), codec);

        await().atMost(WAIT).until(() -> counter(EventMetrics.CONSUMED) > consumedBefore);
        assertThat(historyStatuses(get(id))).containsExactly("PENDING", "CONFIRMED");
        assertThat(all(id, "OrderConfirmed")).hasSize(1);
        assertThat(counter("eventshop.orders.confirmed")).isEqualTo(confirmedBefore + 1);
    }

    @Test
    void stockRejectedRejectsTheOrderWithTheReason() {
        String id = placeOrder();
        kafka.send(Topics.INVENTORY, id, inventory(new StockRejected("Not enough House Beans 1kg",
                List.of(new Shortage("TEST-BEANS", 20, 3))), id, "chain-2"), codec);

        await().atMost(WAIT).until(() -> status(id).equals("REJECTED"));
        JsonNode order = get(id);
        assertThat(order.get("statusReason").getStringValue()).isEqualTo("Not enough House Beans 1kg");
        JsonNode last = order.get("history").get(1);
        assertThat(last.get("reason").getStringValue()).isEqualTo("Not enough House Beans 1kg");
        assertThat(order.get("links").get("cancel").isNull()).isTrue();
        ConsumerRecord<String, byte[]> rejected = await().atMost(WAIT).until(() -> first(id, "OrderRejected"),
                r -> r != null);
        assertThat(codec.decode(rejected.value()).dataAs(OrderRejected.class).reason())
                .isEqualTo("Not enough House Beans 1kg");
    }

    @Test
    void eventsThatCannotApplyAreDeadLetteredAndTheConsumerGoesOn() {
        String confirmedOrder = placeOrder();
        kafka.send(Topics.INVENTORY, confirmedOrder, inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))),
                confirmedOrder, "c"), codec);
        await().atMost(WAIT).until(() -> status(confirmedOrder).equals("CONFIRMED"));

        EventEnvelope contradiction = inventory(new StockRejected("too late", List.of()), confirmedOrder, "c");
        String unknownOrder = UUID.randomUUID().toString();
        EventEnvelope forNobody = inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))), unknownOrder, "c");
        kafka.send(Topics.INVENTORY, confirmedOrder, contradiction, codec);
        kafka.send(Topics.INVENTORY, unknownOrder, forNobody, codec);
        kafka.sendRaw(Topics.INVENTORY, confirmedOrder, "{not an event".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> deadLettered(contradiction.eventId().toString()) != null
                && deadLettered(forNobody.eventId().toString()) != null);
        assertThat(header(deadLettered(contradiction.eventId().toString()), EventHeaders.DLT_ERROR))
                .contains("cannot apply").contains("CONFIRMED");
        assertThat(header(deadLettered(forNobody.eventId().toString()), EventHeaders.DLT_ERROR))
                .contains("unknown order");
        await().atMost(WAIT).until(() -> topics.records().stream().anyMatch(r -> r.topic().equals(Topics.DEADLETTER)
                && new String(r.value(), StandardCharsets.UTF_8).equals("{not an event")));
        assertThat(status(confirmedOrder)).isEqualTo("CONFIRMED");

        String next = placeOrder(); // the consumer is still alive
        kafka.send(Topics.INVENTORY, next, inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))), next,
                "c"), codec);
        await().atMost(WAIT).until(() -> status(next).equals("CONFIRMED"));
    }

    @Test
    void answersForManyOrdersSentTogetherDecideEachOrderOnceAndDeadLetterOnlyThePoisonAmongThem() {
        List<String> reservedOrders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            reservedOrders.add(placeOrder());
        }
        String rejectedOrder = placeOrder();
        String unknownOrder = UUID.randomUUID().toString();
        EventEnvelope forNobody = inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))), unknownOrder, "c");
        EventEnvelope rejected = inventory(new StockRejected("Not enough Espresso", List.of()), rejectedOrder, "c");
        List<EventEnvelope> answers = new ArrayList<>();
        for (int i = 0; i < reservedOrders.size(); i++) {
            EventEnvelope reserved = inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))),
                    reservedOrders.get(i), "c");
            answers.add(reserved);
            if (i % 4 == 0) {
                answers.add(reserved); // a duplicate in the same poll
            }
            if (i == 6) {
                answers.add(forNobody);
                answers.add(rejected);
            }
        }
        answers.forEach(answer -> kafka.send(Topics.INVENTORY, answer.orderId().toString(), answer, codec));

        await().atMost(WAIT).until(() -> reservedOrders.stream().allMatch(id -> status(id).equals("CONFIRMED"))
                && status(rejectedOrder).equals("REJECTED") && deadLettered(forNobody.eventId().toString()) != null);
        await().atMost(WAIT).until(() -> reservedOrders.stream().allMatch(id -> first(id, "OrderConfirmed") != null));
        for (String id : reservedOrders) {
            assertThat(historyStatuses(get(id))).containsExactly("PENDING", "CONFIRMED");
            assertThat(all(id, "OrderConfirmed")).hasSize(1);
        }
        assertThat(get(rejectedOrder).get("statusReason").getStringValue()).isEqualTo("Not enough Espresso");
    }

    @Test
    void aPendingOrderIsCancelledWithItsReasonAndOrderCancelledFollowsOrderPlaced() {
        String pending = placeOrder();

        Http.Reply cancelled = http.send(HttpRequest.POST("/orders/" + pending + "/cancel", "{\"reason\":\"Changed my mind\"}")
                .header(EventHeaders.HTTP_REQUEST_ID, "req-cancel-1"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("statusReason")).isEqualTo("Changed my mind");
        assertThat(historyStatuses(cancelled.json())).containsExactly("PENDING", "CANCELLED");
        ConsumerRecord<String, byte[]> event = await().atMost(WAIT).until(() -> first(pending, "OrderCancelled"),
                r -> r != null);
        OrderCancelled data = codec.decode(event.value()).dataAs(OrderCancelled.class);
        assertThat(data.customer().email()).isEqualTo("life@example.com");
        assertThat(data.reason()).isEqualTo("Changed my mind");
        assertThat(header(event, EventHeaders.CORRELATION_ID)).isEqualTo("req-cancel-1");
        ConsumerRecord<String, byte[]> placed = first(pending, "OrderPlaced");
        assertThat(placed.partition()).isEqualTo(event.partition());
        assertThat(placed.offset()).as("OrderPlaced leaves before OrderCancelled").isLessThan(event.offset());
    }

    /** Inventory answered before it saw the cancellation: the cancellation stands. */
    @Test
    void aReservationThatArrivesAfterTheCancellationLeavesTheOrderCancelled() {
        String id = placeOrder();
        assertThat(cancel(id, "{}").status()).isEqualTo(200);
        double consumedBefore = counter(EventMetrics.CONSUMED);

        kafka.send(Topics.INVENTORY, id, reserved(id, "c"), codec);

        await().atMost(WAIT).until(() -> counter(EventMetrics.CONSUMED) > consumedBefore);
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void aCancelledOrderCannotBeCancelledAgain() {
        String id = placeOrder();
        assertThat(cancel(id, "{}").status()).isEqualTo(200);

        Http.Reply again = cancel(id, "{}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("CANCELLED").contains("only PENDING or CONFIRMED");
    }

    @Test
    void aConfirmedOrderIsCancelledWithTheDefaultReasonWhenTheRequestHasNoBody() {
        String confirmed = placeOrder();
        kafka.send(Topics.INVENTORY, confirmed, reserved(confirmed, "c"), codec);
        await().atMost(WAIT).until(() -> status(confirmed).equals("CONFIRMED"));

        Http.Reply noBody = cancel(confirmed, "");

        assertThat(noBody.status()).isEqualTo(200);
        assertThat(noBody.text("statusReason")).isEqualTo("Cancelled by customer");
    }

    @Test
    void aRejectedOrderCannotBeCancelled() {
        String rejected = placeOrder();
        kafka.send(Topics.INVENTORY, rejected, inventory(new StockRejected("out of stock", List.of()), rejected, "c"),
                codec);
        await().atMost(WAIT).until(() -> status(rejected).equals("REJECTED"));

        Http.Reply refused = cancel(rejected, "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(all(rejected, "OrderCancelled")).isEmpty();
    }

    private Http.Reply cancel(String orderId, String body) {
        return http.send(HttpRequest.POST("/orders/" + orderId + "/cancel", body));
    }

    private static EventEnvelope reserved(String orderId, String correlationId) {
        return inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))), orderId, correlationId);
    }

    @Test
    void theCatalogReplicaFollowsTheCatalogTopic() {
        ProductSnapshot mocha = TestCatalog.product("TEST-MOCHA", "Mocha", "4.10", 7);
        TestCatalog.publish(kafka, codec, mocha);
        await().atMost(WAIT).until(() -> catalogPrice("TEST-MOCHA") != null);

        TestCatalog.publish(kafka, codec, TestCatalog.product("TEST-MOCHA", "Mocha", "4.40", 6));
        await().atMost(WAIT).until(() -> "4.4".equals(catalogPrice("TEST-MOCHA")));
        Http.Reply priced = http.send(HttpRequest.POST("/orders", order("Mo", "mo@example.com", "TEST-MOCHA", "2")));
        assertThat(priced.json().get("total").getNumberValue().doubleValue()).isEqualTo(8.80);

        kafka.sendRaw(Topics.CATALOG, "TEST-MOCHA", null); // tombstone: the product is gone
        await().atMost(WAIT).until(() -> catalogPrice("TEST-MOCHA") == null);
        Http.Reply gone = http.send(HttpRequest.POST("/orders", order("Mo", "mo@example.com", "TEST-MOCHA", "1")));
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.json().get("violations").get(0).get("field").getStringValue()).isEqualTo("lines[0].sku");
    }

    @Test
    void aRetryIsAnsweredWithItsOrderAfterTheProductLeftTheCatalog() {
        String sku = "TEST-GONE-" + UUID.randomUUID().toString().substring(0, 8);
        TestCatalog.publish(kafka, codec, TestCatalog.product(sku, "Gone Soon", "3.00", 5));
        await().atMost(WAIT).until(() -> catalogPrice(sku) != null);
        String body = order("Gia", "gia@example.com", sku, "1");
        String key = "gone-" + UUID.randomUUID();
        Http.Reply first = http.send(HttpRequest.POST("/orders", body).header(OrderController.IDEMPOTENCY_KEY, key));

        kafka.sendRaw(Topics.CATALOG, sku, null);
        await().atMost(WAIT).until(() -> catalogPrice(sku) == null);
        Http.Reply retry = http.send(HttpRequest.POST("/orders", body).header(OrderController.IDEMPOTENCY_KEY, key));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers().get(OrderController.IDEMPOTENT_REPLAY)).isEqualTo("true");
        assertThat(retry.json().get("id").getStringValue()).isEqualTo(first.json().get("id").getStringValue());
    }

    @Test
    void aReplayedOlderSnapshotDoesNotRollThePriceBack() {
        ProductSnapshot current = versioned("TEST-FLAT", "5.00", 4, 2L);
        TestCatalog.publish(kafka, codec, current);
        await().atMost(WAIT).until(() -> "5.0".equals(catalogPrice("TEST-FLAT")));

        // a replay: version 1 again, and a record from before versions existed
        TestCatalog.publish(kafka, codec, versioned("TEST-FLAT", "3.00", 9, 1L),
                TestCatalog.product("TEST-FLAT", "Flat White", "2.00", 9));
        // a product on the same partition, published after the stale ones: once it is in the replica, the listener
        // has been through the stale snapshots (one partition is consumed in order)
        String marker = skuOnTheSamePartitionAs("TEST-FLAT");
        TestCatalog.publish(kafka, codec, TestCatalog.product(marker, "Marker", "1.00", 1));
        await().atMost(WAIT).until(() -> catalogPrice(marker) != null);

        assertThat(catalogPrice("TEST-FLAT")).isEqualTo("5.0");
        Http.Reply priced = http.send(HttpRequest.POST("/orders", order("Flo", "flo@example.com", "TEST-FLAT", "2")));
        assertThat(priced.json().get("total").getNumberValue().doubleValue()).isEqualTo(10.00);

        TestCatalog.publish(kafka, codec, versioned("TEST-FLAT", "5.50", 3, 3L));
        await().atMost(WAIT).until(() -> "5.5".equals(catalogPrice("TEST-FLAT")));
    }

    private static ProductSnapshot versioned(String sku, String price, int stock, long version) {
        ProductSnapshot p = TestCatalog.product(sku, "Flat White", price, stock);
        return new ProductSnapshot(p.sku(), p.name(), p.description(), p.price(), p.currency(), p.stock(),
                p.lowWaterMark(), version);
    }

    /** Kafka's default partitioner: murmur2 of the key, modulo the topic's partitions. */
    private static String skuOnTheSamePartitionAs(String sku) {
        int partitions = Topics.ALL.stream().filter(t -> t.name().equals(Topics.CATALOG)).findFirst().orElseThrow()
                .partitions();
        int target = partitionOf(sku, partitions);
        for (int i = 0; ; i++) {
            String candidate = "TEST-MARK-" + i;
            if (partitionOf(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private String placeOrder() {
        Http.Reply reply = http.send(HttpRequest.POST("/orders", order("Life", "life@example.com", "TEST-ESP", "1")));
        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").getStringValue();
        await().atMost(WAIT).until(() -> first(id, "OrderPlaced") != null);
        return id;
    }

    private static EventEnvelope inventory(eventshop.events.DomainEvent data, String orderId, String correlationId) {
        return EventEnvelope.of(data, UUID.fromString(orderId), correlationId, "inventory-notification-service");
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

    private String catalogPrice(String sku) {
        for (JsonNode product : http.send(HttpRequest.GET("/catalog")).json().values()) {
            if (product.get("sku").getStringValue().equals(sku)) {
                return product.get("price").getNumberValue().toString();
            }
        }
        return null;
    }

    private ConsumerRecord<String, byte[]> first(String orderId, String type) {
        List<ConsumerRecord<String, byte[]>> found = all(orderId, type);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> all(String orderId, String type) {
        return topics.records().stream().filter(r -> r.topic().equals(Topics.ORDERS))
                .filter(r -> orderId.equals(r.key()) && type.equals(header(r, EventHeaders.EVENT_TYPE))).toList();
    }

    private ConsumerRecord<String, byte[]> deadLettered(String eventId) {
        return topics.records().stream().filter(r -> r.topic().equals(Topics.DEADLETTER))
                .filter(r -> eventId.equals(header(r, EventHeaders.EVENT_ID))).findFirst().orElse(null);
    }

    private double counter(String name) {
        return EventMetrics.total(meters, name);
    }
}
