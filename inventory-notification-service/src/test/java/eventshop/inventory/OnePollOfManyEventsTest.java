package eventshop.inventory;

import eventshop.events.Customer;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.NotificationSent;
import eventshop.events.ProductSnapshot;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReleased;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.testing.KafkaBroker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poll of many order events is decided event by event in poll order but written set-based when it ends. Each test
 * sends its events as one producer batch on one key: the broker stores and hands out such a batch as one unit, so the
 * listener applies it in one poll (each test checks that: one transaction records all its events).
 */
@MicronautTest(transactional = false)
class OnePollOfManyEventsTest extends InventoryIntegrationTest {

    @Test
    void ordersForAProductThatRunsOutMidPollAreReservedUntilItIsEmptyThenRejectedWithOneSnapshot() {
        createProduct("POLL-HOT", 5, 0);
        Customer customer = customer("Poll Rush");
        List<EventEnvelope> placed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            placed.add(orderPlaced(UUID.randomUUID(), customer, line("POLL-HOT", 1)));
        }
        sendInOnePoll(placed);

        List<UUID> orderIds = placed.stream().map(EventEnvelope::orderId).toList();
        await().untilAsserted(() -> assertThat(events(NotificationSent.class, e -> orderIds.contains(e.orderId())))
                .hasSize(8));
        assertAppliedInOnePoll(placed);
        assertThat(events(StockReserved.class, e -> orderIds.contains(e.orderId())))
                .extracting(EventEnvelope::orderId).containsExactlyInAnyOrderElementsOf(orderIds.subList(0, 5));
        assertThat(events(StockRejected.class, e -> orderIds.contains(e.orderId())))
                .extracting(EventEnvelope::orderId).containsExactlyInAnyOrderElementsOf(orderIds.subList(5, 8))
                .hasSize(3);
        assertThat(stockOf("POLL-HOT")).isZero();
        assertThat(db.queryLong("SELECT coalesce(sum(quantity), 0) FROM reservation WHERE sku = 'POLL-HOT'"))
                .isEqualTo(5);
        assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE topic = ? AND message_key = 'POLL-HOT'",
                Topics.CATALOG)).as("one snapshot for the poll, not one per order").isOne();
        await().untilAsserted(() -> assertThat(events(ProductSnapshot.class,
                e -> e.dataAs(ProductSnapshot.class).sku().equals("POLL-HOT")))
                .singleElement().extracting(e -> e.dataAs(ProductSnapshot.class)).satisfies(snapshot -> {
                    assertThat(snapshot.stock()).isZero();
                    assertThat(snapshot.version()).as("the row's version after its one update")
                            .isEqualTo(db.queryLong("SELECT version FROM product WHERE sku = 'POLL-HOT'"));
                }));
    }

    @Test
    void anOrderPlacedAndCancelledInTheSamePollGivesItsStockBack() {
        createProduct("POLL-BACK", 10, 0);
        Customer customer = customer("Poll Regret");
        UUID orderId = UUID.randomUUID();
        EventEnvelope placed = orderPlaced(orderId, customer, line("POLL-BACK", 3));
        EventEnvelope cancelled = orderCancelled(orderId, customer);
        sendInOnePoll(List.of(placed, cancelled));

        await().untilAsserted(() -> assertThat(events(StockReleased.class, forOrder(orderId))).hasSize(1));
        assertAppliedInOnePoll(List.of(placed, cancelled));
        assertThat(events(StockReserved.class, forOrder(orderId))).hasSize(1);
        assertThat(events(StockReleased.class, forOrder(orderId)).get(0).dataAs(StockReleased.class).lines())
                .containsExactly(new StockLine("POLL-BACK", 3));
        assertThat(stockOf("POLL-BACK")).isEqualTo(10);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE order_id = ? AND status = 'RELEASED' "
                + "AND released_at IS NOT NULL", orderId)).isOne();
        assertThat(db.queryLong("SELECT count(*) FROM order_decision WHERE order_id = ? AND outcome = 'RELEASED'",
                orderId)).isOne();
        await().untilAsserted(() -> assertThat(events(NotificationSent.class, forOrder(orderId)))
                .extracting(e -> e.dataAs(NotificationSent.class).subject())
                .containsExactly("Order confirmed", "Order cancelled"));
    }

    @Test
    void anUnprocessableOrderInTheMiddleOfAPollIsDeadLetteredAndItsNeighboursAreAppliedOnce() {
        // two lines of the same product whose quantities add up beyond an int: the order can never be decided
        EventEnvelope poison = orderPlaced(UUID.randomUUID(), customer("Poll Poison"),
                line("POLL-MIX", Integer.MAX_VALUE), line("POLL-MIX", Integer.MAX_VALUE));

        ConsumerRecord<String, byte[]> deadLetter = pollRefusingOneBetweenTwoOrders("POLL-MIX", poison);

        assertThat(header(deadLetter, EventHeaders.DLT_ERROR)).contains("overflow");
        assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", poison.eventId()))
                .as("the refused event is not remembered as processed").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM order_decision WHERE order_id = ?", poison.orderId())).isZero();
        assertThat(stockOf("POLL-MIX")).isEqualTo(7);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE sku = 'POLL-MIX'")).isEqualTo(2);
        assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE topic = ? AND message_key = 'POLL-MIX'",
                Topics.CATALOG)).as("the attempt with the poison record left nothing").isOne();
    }

    @Test
    void anEventWhoseRowsTheDatabaseCouldNotStoreIsDeadLetteredAloneThoughThePollWritesAtTheEnd() {
        // a cancellation of an order inventory never saw is recorded with its reason, a column of 1000 characters
        EventEnvelope tooLong = EventEnvelope.of(new eventshop.events.OrderCancelled(customer("Poll Verbose"),
                "x".repeat(1001)), UUID.randomUUID(), "cancel-long", "orders-service");

        ConsumerRecord<String, byte[]> deadLetter = pollRefusingOneBetweenTwoOrders("POLL-LONG", tooLong);

        assertThat(header(deadLetter, EventHeaders.DLT_ERROR)).contains("does not fit");
        assertThat(db.queryLong("SELECT count(*) FROM order_decision WHERE order_id = ?", tooLong.orderId()))
                .isZero();
        assertThat(stockOf("POLL-LONG")).isEqualTo(7);
    }

    /**
     * Sends {@code refused} in one poll between two orders of a new product {@code sku} (stock 10; the orders take 1
     * and 2), and waits until it is dead-lettered and its neighbours are reserved, both in one transaction.
     *
     * @return the refused event's dead letter
     */
    private ConsumerRecord<String, byte[]> pollRefusingOneBetweenTwoOrders(String sku, EventEnvelope refused) {
        createProduct(sku, 10, 0);
        Customer customer = customer("Poll Neighbour");
        EventEnvelope before = orderPlaced(UUID.randomUUID(), customer, line(sku, 1));
        EventEnvelope after = orderPlaced(UUID.randomUUID(), customer, line(sku, 2));
        String key = sendInOnePoll(List.of(before, refused, after));

        await().untilAsserted(() -> assertThat(deadLetters(key)).hasSize(1));
        await().untilAsserted(() -> assertThat(events(StockReserved.class,
                e -> e.orderId().equals(before.orderId()) || e.orderId().equals(after.orderId()))).hasSize(2));
        assertAppliedInOnePoll(List.of(before, after));
        return deadLetters(key).get(0);
    }

    /**
     * Sends the events on one key (one partition) as one producer batch, and waits until the broker has them.
     *
     * @return the key
     */
    private String sendInOnePoll(List<EventEnvelope> events) {
        String key = events.get(0).orderId().toString();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 60_000,
                ProducerConfig.BATCH_SIZE_CONFIG, 500_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            events.forEach(event -> acks.add(producer.send(new ProducerRecord<>(Topics.ORDERS, key,
                    codec.encode(event)))));
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the test's events", e);
        }
        return key;
    }

    /** One transaction recorded all the events as processed: PostgreSQL's now() is the transaction's start. */
    private void assertAppliedInOnePoll(List<EventEnvelope> events) {
        String ids = events.stream().map(e -> "'" + e.eventId() + "'").collect(Collectors.joining(", "));
        assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE event_id IN (" + ids + ")"))
                .as("every event applied").isEqualTo(events.size());
        assertThat(db.queryLong("SELECT count(DISTINCT processed_at) FROM processed_event WHERE event_id IN ("
                + ids + ")")).as("all in one poll").isOne();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return watcher.records().stream().filter(r -> r.topic().equals(Topics.DEADLETTER) && key.equals(r.key()))
                .toList();
    }

    static {
        // Kafka round trips on a busy machine: generous, but a real bound
        org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    }
}
