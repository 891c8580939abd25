package eventshop.inventory;

import eventshop.testing.TestAccounts;
import eventshop.events.Customer;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.LowStockDetected;
import eventshop.events.NotificationSent;
import eventshop.events.ProductSnapshot;
import eventshop.events.Shortage;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReleased;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.inventory.messaging.OrderEventsListener;
import eventshop.platform.messaging.DeadLetteringExceptionHandler;
import eventshop.platform.messaging.UnprocessableEventException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class OrderReactionsTest extends InventoryIntegrationTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    OrderEventsListener listener;

    /** micronaut-kafka's handler for every listener, the platform's (it replaces the default). */
    @Inject
    KafkaListenerExceptionHandler exhausted;

    @Test
    void anOrderThatFitsIsReservedConfirmedToTheCustomerAndAnnounced() {
        createProduct("R-A", 10, 2);
        createProduct("R-B", 5, 1);
        UUID orderId = UUID.randomUUID();
        EventEnvelope placed = orderPlaced(orderId, customer("Ada Lovelace"), line("R-A", 2), line("R-B", 1),
                line("R-A", 1));
        send(placed);

        await().untilAsserted(() -> assertThat(events(NotificationSent.class, forOrder(orderId))).hasSize(1));
        EventEnvelope reserved = events(StockReserved.class, forOrder(orderId)).get(0);
        assertThat(reserved.dataAs(StockReserved.class).lines())
                .containsExactly(new StockLine("R-A", 3), new StockLine("R-B", 1));
        assertThat(reserved.correlationId()).isEqualTo(placed.correlationId());
        assertThat(reserved.source()).isEqualTo("inventory-notification-service");
        assertThat(stockOf("R-A")).isEqualTo(7);
        assertThat(stockOf("R-B")).isEqualTo(4);

        NotificationSent sent = events(NotificationSent.class, forOrder(orderId)).get(0).dataAs(NotificationSent.class);
        assertThat(sent.audience()).isEqualTo("CUSTOMER");
        assertThat(sent.recipient()).isEqualTo("ada.lovelace@example.com");
        assertThat(sent.subject()).isEqualTo("Order confirmed");
        await().untilAsserted(() -> assertThat(events(ProductSnapshot.class,
                e -> e.correlationId().equals(placed.correlationId()))).extracting(e -> e.dataAs(ProductSnapshot.class))
                .extracting(ProductSnapshot::sku, ProductSnapshot::stock)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("R-A", 7),
                        org.assertj.core.groups.Tuple.tuple("R-B", 4)));

        List<Map<String, Object>> reservations = jsonList("/reservations?orderId=" + orderId);
        assertThat(reservations).extracting(r -> r.get("sku"), r -> r.get("quantity"), r -> r.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R-A", 3, "RESERVED"),
                        org.assertj.core.groups.Tuple.tuple("R-B", 1, "RESERVED"));
        List<Map<String, Object>> notifications = jsonList("/notifications?orderId=" + orderId);
        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("audience", "CUSTOMER").containsEntry("channel", "LOG")
                    .containsEntry("orderId", orderId.toString()).containsKeys("id", "body", "createdAt");
            assertThat((String) n.get("body")).contains("Ada Lovelace", "3 x R-A", "1 x R-B");
        });
    }

    @Test
    void anOrderWithAShortLineReservesNothingAndNamesTheShortLines() {
        createProduct("J-A", 10, 0);
        createProduct("J-B", 1, 0);
        UUID orderId = UUID.randomUUID();
        send(orderPlaced(orderId, customer("Grace Hopper"), line("J-A", 4), line("J-B", 2), line("J-NOPE", 1)));

        await().untilAsserted(() -> assertThat(events(NotificationSent.class, forOrder(orderId))).hasSize(1));
        StockRejected rejected = events(StockRejected.class, forOrder(orderId)).get(0).dataAs(StockRejected.class);
        assertThat(rejected.shortages()).containsExactly(new Shortage("J-B", 2, 1), new Shortage("J-NOPE", 1, 0));
        assertThat(rejected.reason()).contains("J-B requested 2, available 1", "unknown product J-NOPE");
        assertThat(events(StockReserved.class, forOrder(orderId))).isEmpty();
        assertThat(stockOf("J-A")).isEqualTo(10);
        assertThat(stockOf("J-B")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE order_id = '" + orderId + "'")).isZero();
        NotificationSent sent = events(NotificationSent.class, forOrder(orderId)).get(0).dataAs(NotificationSent.class);
        assertThat(sent.body()).contains("could not be fulfilled", "J-B requested 2, available 1");
    }

    @Test
    void aDuplicateDeliveryHasItsEffectOnce() {
        createProduct("D-A", 10, 0);
        UUID orderId = UUID.randomUUID();
        EventEnvelope placed = orderPlaced(orderId, customer("Alan Turing"), line("D-A", 3));
        send(placed);
        send(placed);
        // a second, later order on the same key (same partition) proves both copies were consumed before it
        UUID later = UUID.randomUUID();
        kafka.send(Topics.ORDERS, orderId.toString(), orderPlaced(later, customer("Alan Turing"), line("D-A", 1)),
                codec);

        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(later))).hasSize(1));
        assertThat(events(StockReserved.class, forOrder(orderId))).hasSize(1);
        assertThat(stockOf("D-A")).isEqualTo(6);
        assertThat(db.queryLong("SELECT count(*) FROM notification WHERE order_id = '" + orderId + "'")).isOne();
    }

    @Test
    void cancellingReleasesExactlyWhatWasReservedOnceAndNotifiesTheCustomer() {
        createProduct("C-A", 10, 0);
        createProduct("C-B", 10, 0);
        Customer customer = customer("Barbara Liskov");
        UUID orderId = UUID.randomUUID();
        send(orderPlaced(orderId, customer, line("C-A", 2), line("C-B", 5)));
        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(orderId))).hasSize(1));
        UUID other = UUID.randomUUID();
        send(orderPlaced(other, customer, line("C-A", 1)));
        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(other))).hasSize(1));

        EventEnvelope cancel = orderCancelled(orderId, customer);
        send(cancel);
        send(orderCancelled(orderId, customer)); // cancelled twice: a different event, same order
        await().untilAsserted(() -> assertThat(events(StockReleased.class, forOrder(orderId))).hasSize(1));
        EventEnvelope released = events(StockReleased.class, forOrder(orderId)).get(0);
        assertThat(released.dataAs(StockReleased.class).lines())
                .containsExactly(new StockLine("C-A", 2), new StockLine("C-B", 5));
        assertThat(released.correlationId()).isEqualTo(cancel.correlationId());
        await().untilAsserted(() -> assertThat(events(NotificationSent.class, forOrder(orderId))
                .stream().map(e -> e.dataAs(NotificationSent.class).subject()))
                .containsExactlyInAnyOrder("Order confirmed", "Order cancelled"));
        assertThat(stockOf("C-A")).isEqualTo(9);
        assertThat(stockOf("C-B")).isEqualTo(10);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE order_id = '" + orderId
                + "' AND status = 'RELEASED' AND released_at IS NOT NULL")).isEqualTo(2);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE order_id = '" + other
                + "' AND status = 'RESERVED'")).isOne();
        // the second cancellation was consumed (it is recorded) and changed nothing
        await().untilAsserted(() -> assertThat(db.queryLong("SELECT count(*) FROM processed_event")).isGreaterThanOrEqualTo(4));
        assertThat(events(StockReleased.class, forOrder(orderId))).hasSize(1);
    }

    @Test
    void cancellingAnOrderThatWasNeverReservedChangesNothingEvenIfItsOrderArrivesLater() {
        createProduct("N-A", 1, 0);
        Customer customer = customer("Edsger Dijkstra");
        UUID rejected = UUID.randomUUID();
        send(orderPlaced(rejected, customer, line("N-A", 5)));
        send(orderCancelled(rejected, customer));
        UUID neverPlaced = UUID.randomUUID();
        send(orderCancelled(neverPlaced, customer));
        send(orderPlaced(neverPlaced, customer, line("N-A", 1))); // out of order: cancelled before placed
        UUID marker = UUID.randomUUID();
        kafka.send(Topics.ORDERS, neverPlaced.toString(), orderPlaced(marker, customer, line("N-A", 1)), codec);

        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(marker))).hasSize(1));
        await().untilAsserted(() -> assertThat(events(StockRejected.class, forOrder(rejected))).hasSize(1));
        assertThat(events(StockReleased.class, e -> rejected.equals(e.orderId()) || neverPlaced.equals(e.orderId())))
                .isEmpty();
        assertThat(events(StockReserved.class, forOrder(neverPlaced))).isEmpty();
        assertThat(stockOf("N-A")).isZero();
    }

    @Test
    void anOrderTheOrdersServiceRejectedAsTimedOutHasItsLateReservationReleased() {
        createProduct("T-A", 10, 0);
        Customer customer = customer("Leslie Lamport");
        UUID late = UUID.randomUUID();
        send(orderPlaced(late, customer, line("T-A", 3)));
        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(late))).hasSize(1));
        assertThat(stockOf("T-A")).isEqualTo(7);

        EventEnvelope timedOut = orderRejected(late, customer, "Timed out: the stock check did not answer in time");
        send(timedOut);
        send(timedOut); // redelivered

        await().untilAsserted(() -> assertThat(events(StockReleased.class, forOrder(late))).hasSize(1));
        EventEnvelope released = events(StockReleased.class, forOrder(late)).get(0);
        assertThat(released.dataAs(StockReleased.class).lines()).containsExactly(new StockLine("T-A", 3));
        assertThat(released.correlationId()).isEqualTo(timedOut.correlationId());
        assertThat(stockOf("T-A")).isEqualTo(10);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE order_id = '" + late
                + "' AND status = 'RELEASED'")).isOne();
        await().untilAsserted(() -> assertThat(events(NotificationSent.class, forOrder(late))
                .stream().map(e -> e.dataAs(NotificationSent.class).subject()))
                .containsExactlyInAnyOrder("Order confirmed", "Order could not be confirmed"));
    }

    @Test
    void anOrderRejectedAfterInventoryRejectedItOrBeforeItArrivedReservesAndReleasesNothing() {
        createProduct("T-B", 2, 0);
        Customer customer = customer("Barbara Liskov");
        UUID shortOfStock = UUID.randomUUID();
        send(orderPlaced(shortOfStock, customer, line("T-B", 5)));
        await().untilAsserted(() -> assertThat(events(StockRejected.class, forOrder(shortOfStock))).hasSize(1));
        send(orderRejected(shortOfStock, customer, "not enough stock"));
        UUID rejectedFirst = UUID.randomUUID();
        send(orderRejected(rejectedFirst, customer, "Timed out: the stock check did not answer in time"));
        send(orderPlaced(rejectedFirst, customer, line("T-B", 1))); // its OrderPlaced comes after all
        UUID marker = UUID.randomUUID();
        kafka.send(Topics.ORDERS, rejectedFirst.toString(), orderPlaced(marker, customer, line("T-B", 1)), codec);

        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(marker))).hasSize(1));
        assertThat(events(StockReserved.class, forOrder(rejectedFirst))).isEmpty();
        assertThat(events(StockReleased.class, e -> shortOfStock.equals(e.orderId())
                || rejectedFirst.equals(e.orderId()))).isEmpty();
        assertThat(stockOf("T-B")).isEqualTo(1);
    }

    private static EventEnvelope orderRejected(UUID orderId, Customer customer, String reason) {
        return EventEnvelope.of(new eventshop.events.OrderRejected(customer, reason), orderId, "reject-" + orderId,
                "orders-service");
    }

    @Test
    void fallingBelowTheLowWaterMarkAlertsStaffOncePerCrossing() {
        createProduct("L-A", 10, 5);
        Customer customer = customer("Donald Knuth");
        UUID first = UUID.randomUUID();
        send(orderPlaced(first, customer, line("L-A", 6))); // 10 -> 4: crosses
        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(first))).hasSize(1));
        UUID second = UUID.randomUUID();
        send(orderPlaced(second, customer, line("L-A", 1))); // 4 -> 3: already low, no new alert
        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(second))).hasSize(1));
        await().untilAsserted(() -> assertThat(lowStockAlerts("L-A")).hasSize(1));

        db.execute("UPDATE product SET stock = 8 WHERE sku = 'L-A'"); // restocked behind the service's back
        UUID third = UUID.randomUUID();
        send(orderPlaced(third, customer, line("L-A", 4))); // 8 -> 4: crosses again
        await().untilAsserted(() -> assertThat(lowStockAlerts("L-A")).hasSize(2));
        LowStockDetected alert = lowStockAlerts("L-A").get(1).dataAs(LowStockDetected.class);
        assertThat(alert.stock()).isEqualTo(4);
        assertThat(alert.lowWaterMark()).isEqualTo(5);
        await().untilAsserted(() -> assertThat(events(NotificationSent.class,
                e -> e.dataAs(NotificationSent.class).subject().equals("Low stock: Test L-A")))
                .hasSize(2).allSatisfy(e -> assertThat(e.dataAs(NotificationSent.class).audience()).isEqualTo("STAFF")));
        List<Map<String, Object>> staff = jsonList("/notifications?recipient=staff@eventshop.example");
        assertThat(staff).filteredOn(n -> n.get("subject").equals("Low stock: Test L-A")).hasSize(2);
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirOriginAndTheConsumerGoesOn() {
        createProduct("P-A", 10, 0);
        String key = UUID.randomUUID().toString();
        kafka.sendRaw(Topics.ORDERS, key, new byte[] {(byte) 0xC3, 0x28, 0x00, 0x7F});
        kafka.sendRaw(Topics.ORDERS, key, "{\"hello\":\"world\",\"items\":[1,2]}".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.ORDERS, key, codec.encode(orderPlaced(UUID.fromString(key), customer("Evil Tester"),
                line("P-A", -3))));
        UUID afterwards = UUID.randomUUID();
        kafka.send(Topics.ORDERS, key, orderPlaced(afterwards, customer("Good Tester"), line("P-A", 1)), codec);

        await().untilAsserted(() -> assertThat(events(StockReserved.class, forOrder(afterwards))).hasSize(1));
        List<ConsumerRecord<String, byte[]>> dead = watcher.records().stream()
                .filter(r -> r.topic().equals(Topics.DEADLETTER) && key.equals(r.key())).toList();
        assertThat(dead).hasSize(3);
        List<ConsumerRecord<String, byte[]>> originals = watcher.records().stream()
                .filter(r -> r.topic().equals(Topics.ORDERS) && key.equals(r.key())).toList();
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, byte[]> letter = dead.get(i);
            assertThat(header(letter, EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo(Topics.ORDERS);
            assertThat(header(letter, EventHeaders.DLT_SOURCE_PARTITION))
                    .isEqualTo(String.valueOf(originals.get(i).partition()));
            assertThat(header(letter, EventHeaders.DLT_SOURCE_OFFSET)).isEqualTo(String.valueOf(originals.get(i).offset()));
            assertThat(letter.value()).isEqualTo(originals.get(i).value());
        }
        assertThat(header(dead.get(0), EventHeaders.DLT_ERROR)).startsWith("NOT_UTF8");
        assertThat(header(dead.get(1), EventHeaders.DLT_ERROR)).startsWith("MISSING_FIELD");
        assertThat(header(dead.get(2), EventHeaders.DLT_ERROR)).startsWith("INVALID_DATA").contains("quantity");
        assertThat(stockOf("P-A")).isEqualTo(9);
        String metrics = http.toBlocking().retrieve("/prometheus");
        assertThat(metrics).containsPattern("eventshop_events_deadlettered_total\\{[^}]*topic=\"shop.orders\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("eventshop_inventory_reservations_total(\\{[^}]*})? [1-9]");
    }

    @Test
    void theListenerExceptionHandlerDeadLettersPermanentFailuresOnlyNeverTransientOnes() {
        String key = UUID.randomUUID().toString();
        byte[] value = "{\"pretend\":\"order\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(exhausted).isInstanceOf(DeadLetteringExceptionHandler.class);
        // Same key, same dead-letter partition, sent synchronously in this order: a letter for the first two would
        // arrive before the third's.
        exhausted.handle(new KafkaListenerException("gave up", new IllegalStateException("database still down"),
                listener, null, new ConsumerRecord<>(Topics.ORDERS, 2, 4242L, key, value)));
        exhausted.handle(new KafkaListenerException("commit", new CommitFailedException(), listener, null,
                new ConsumerRecord<>(Topics.ORDERS, 2, 4243L, key, value)));
        exhausted.handle(new KafkaListenerException("refused", new UnprocessableEventException("no such order"),
                listener, null, new ConsumerRecord<>(Topics.ORDERS, 2, 4244L, key, value)));

        await().untilAsserted(() -> assertThat(watcher.records()).filteredOn(r -> r.topic().equals(Topics.DEADLETTER)
                && key.equals(r.key())).singleElement().satisfies(letter -> {
                    assertThat(header(letter, EventHeaders.DLT_SOURCE_OFFSET)).isEqualTo("4244");
                    assertThat(header(letter, EventHeaders.DLT_ERROR)).isEqualTo("no such order");
                }));
    }

    private List<Map<String, Object>> jsonList(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private List<EventEnvelope> lowStockAlerts(String sku) {
        return events(LowStockDetected.class, e -> e.dataAs(LowStockDetected.class).sku().equals(sku));
    }

    static {
        // Kafka round trips on a busy machine: generous, but a real bound
        org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    }
}
