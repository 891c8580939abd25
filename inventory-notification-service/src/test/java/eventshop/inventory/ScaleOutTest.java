package eventshop.inventory;

import eventshop.events.Customer;
import eventshop.events.EventEnvelope;
import eventshop.events.OrderLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReserved;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service in one consumer group (one consumer thread each, so the three partitions are split
 * between them) apply a batch-heavy load of multi-product orders for scarce products: each applies whole polls in one
 * transaction, the products of a poll locked in SKU order while the lines arrive in random order. Nothing is oversold,
 * each order is decided exactly once and all or nothing, and both instances did part of the work.
 */
@MicronautTest(transactional = false)
class ScaleOutTest extends InventoryIntegrationTest {

    private static final int ORDERS = 240;
    private static final Map<String, Integer> INITIAL = Map.of("SCL-A", 40, "SCL-B", 30, "SCL-C", 100_000);

    @Inject
    EventMetrics metrics;
    @Inject
    ConsumerRegistry consumers;

    @Override
    public Map<String, String> getProperties() {
        properties.put("eventshop.inventory.consumer-threads", "1");
        // two instances on a shared PostgreSQL server: a few connections each are plenty for one consumer thread
        properties.put("datasources.default.maximum-pool-size", "4");
        return properties;
    }

    @Test
    void twoInstancesOfOneGroupSplitABatchHeavyLoadWithoutOverselling() throws Exception {
        INITIAL.forEach((sku, stock) -> createProduct(sku, stock, 0));
        Customer customer = customer("Scale Out");
        Random random = new Random(17);
        Map<UUID, List<OrderLine>> orders = new HashMap<>();
        for (int i = 0; i < ORDERS; i++) {
            List<OrderLine> lines = new ArrayList<>(List.of(line("SCL-A", 1), line("SCL-B", 1),
                    line("SCL-C", 1 + random.nextInt(3))).subList(0, 2 + random.nextInt(2)));
            Collections.shuffle(lines, random);
            orders.put(UUID.randomUUID(), lines);
        }
        Set<UUID> ours = orders.keySet();
        try (ApplicationContext second = ApplicationContext.builder().properties(new HashMap<>(properties))
                .environments("test").start()) {
            ConsumerRegistry secondConsumers = second.getBean(ConsumerRegistry.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(consumers) > 0 && assigned(secondConsumers) > 0
                    && assigned(consumers) + assigned(secondConsumers) == 3);

            long start = System.nanoTime();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            orders.forEach((orderId, lines) -> senders.submit(() ->
                    send(orderPlaced(orderId, customer, lines.toArray(OrderLine[]::new)))));
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            long sent = System.nanoTime();

            await().atMost(Duration.ofSeconds(120)).until(() -> outcomes(ours).size() == ORDERS);
            long decided = System.nanoTime();
            System.out.printf("ScaleOutTest: %d orders sent in %.1f s, all decided by two instances %.1f s after the "
                    + "last was sent%n", ORDERS, (sent - start) / 1e9, (decided - sent) / 1e9);

            assertThat(second.getBean(EventMetrics.class).total(EventMetrics.CONSUMED)).as("second instance worked")
                    .isPositive();
            assertThat(metrics.total(EventMetrics.CONSUMED)).as("first instance worked").isPositive();
        }

        List<EventEnvelope> reserved = events(StockReserved.class, e -> ours.contains(e.orderId()));
        List<EventEnvelope> rejected = events(StockRejected.class, e -> ours.contains(e.orderId()));
        assertThat(reserved.stream().map(EventEnvelope::orderId).distinct().count() + rejected.stream()
                .map(EventEnvelope::orderId).distinct().count()).as("each order decided once").isEqualTo(ORDERS);
        assertThat(reserved.stream().map(EventEnvelope::eventId).distinct().count()
                + rejected.stream().map(EventEnvelope::eventId).distinct().count()).isEqualTo(ORDERS);
        INITIAL.forEach((sku, initial) -> {
            long held = db.queryLong("SELECT coalesce(sum(quantity), 0) FROM reservation WHERE sku = ?", sku);
            assertThat(stockOf(sku)).as("%s never below zero", sku).isNotNegative();
            assertThat(stockOf(sku) + held).as("%s conserved", sku).isEqualTo(initial.longValue());
        });
        assertThat(db.queryLong("SELECT count(*) FROM reservation r JOIN order_decision d ON d.order_id = r.order_id "
                + "WHERE d.outcome <> 'RESERVED'")).as("a rejected order holds nothing").isZero();
        assertThat(stockOf("SCL-A") == 0 || stockOf("SCL-B") == 0).as("the scarce products ran out").isTrue();
    }

    private Set<UUID> outcomes(Set<UUID> orderIds) {
        Set<UUID> decided = events(StockReserved.class, e -> orderIds.contains(e.orderId())).stream()
                .map(EventEnvelope::orderId).collect(Collectors.toSet());
        decided.addAll(events(StockRejected.class, e -> orderIds.contains(e.orderId())).stream()
                .map(EventEnvelope::orderId).collect(Collectors.toSet()));
        return decided;
    }

    private static int assigned(ConsumerRegistry registry) {
        int partitions = 0;
        for (String id : registry.getConsumerIds()) {
            try {
                partitions += registry.getConsumerAssignment(id).size();
            } catch (IllegalArgumentException notYetAssigned) {
                // the consumer has not joined its group yet
            }
        }
        return partitions;
    }
}
