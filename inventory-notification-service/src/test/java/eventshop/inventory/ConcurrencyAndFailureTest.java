package eventshop.inventory;

import eventshop.events.Customer;
import eventshop.events.EventEnvelope;
import eventshop.events.StockRejected;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The two promises that matter most: no oversell under concurrency, and nothing lost or doubled when the DB fails. */
@MicronautTest(transactional = false)
class ConcurrencyAndFailureTest extends InventoryIntegrationTest {

    @Inject
    EventMetrics metrics;

    @Test
    void concurrentOrdersAcrossPartitionsNeverOversell() throws Exception {
        int units = 20;
        int orders = 60;
        createProduct("OVS-HOT", units, 0);
        createProduct("OVS-SIDE", 1000, 0);
        Customer customer = customer("Rush Hour");
        List<UUID> orderIds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            orderIds.add(UUID.randomUUID());
        }
        // every order wants the scarce product and a plentiful one: a rejected order must not take the plentiful one
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (UUID orderId : orderIds) {
            senders.submit(() -> send(orderPlaced(orderId, customer, line("OVS-SIDE", 1), line("OVS-HOT", 1))));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Set<UUID> ours = Set.copyOf(orderIds);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(outcomes(ours)).hasSize(orders));
        assertThat(events(StockReserved.class, e -> ours.contains(e.orderId()))).hasSize(units);
        assertThat(events(StockRejected.class, e -> ours.contains(e.orderId()))).hasSize(orders - units)
                .allSatisfy(e -> assertThat(e.dataAs(StockRejected.class).reason())
                        .contains("OVS-HOT requested 1, available 0"));
        assertThat(stockOf("OVS-HOT")).isZero();
        assertThat(stockOf("OVS-SIDE")).isEqualTo(1000 - units);
        assertThat(db.queryLong("SELECT coalesce(sum(quantity), 0) FROM reservation WHERE sku = 'OVS-HOT'"))
                .isEqualTo(units);
        // the orders really went through several partitions, so several consumer threads competed
        assertThat(watcher.records().stream().filter(r -> r.topic().equals(Topics.ORDERS))
                .filter(r -> ours.contains(UUID.fromString(r.key()))).map(r -> r.partition()).distinct().count())
                .isEqualTo(Topics.DEFAULT_PARTITIONS);
    }

    @Test
    void ordersSurviveTheDatabaseKillingTheServiceConnectionsExactlyOnce() throws Exception {
        int orders = 40;
        createProduct("DBF-A", 1000, 0);
        Customer customer = customer("Chaos Monkey");
        double failuresBefore = failures();
        List<UUID> orderIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger killed = new AtomicInteger();
        ScheduledExecutorService chaos = Executors.newScheduledThreadPool(2);
        try (Connection admin = adminConnection(); Statement st = admin.createStatement()) {
            // Connections die every 25 ms while an order is sent every 15 ms, so events keep arriving mid-failure.
            chaos.scheduleWithFixedDelay(() -> killed.addAndGet(killConnections(st)), 0, 25, TimeUnit.MILLISECONDS);
            chaos.scheduleAtFixedRate(() -> {
                if (orderIds.size() < orders) {
                    UUID orderId = UUID.randomUUID();
                    orderIds.add(orderId);
                    send(orderPlaced(orderId, customer, line("DBF-A", 1 + (orderIds.size() - 1) % 3)));
                }
            }, 0, 15, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> orderIds.size() == orders
                    && failures() > failuresBefore && killed.get() > 20);
        } finally {
            chaos.shutdown();
            assertThat(chaos.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Set<UUID> ours = Set.copyOf(orderIds);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(outcomes(ours)).hasSize(orders));
        // the relay is at-least-once (a killed connection may hide that a batch was sent); the event id is what counts
        Map<UUID, Long> distinctOutcomesPerOrder = events(StockReserved.class, e -> ours.contains(e.orderId()))
                .stream().collect(Collectors.groupingBy(EventEnvelope::orderId,
                        Collectors.mapping(EventEnvelope::eventId, Collectors.collectingAndThen(Collectors.toSet(),
                                s -> (long) s.size()))));
        assertThat(distinctOutcomesPerOrder).hasSize(orders).allSatisfy((order, count) -> assertThat(count).isOne());
        assertThat(events(StockRejected.class, e -> ours.contains(e.orderId()))).isEmpty();
        int expectedTaken = orderIds.size() / 3 * 6 + List.of(1, 2, 3).subList(0, orders % 3).stream()
                .mapToInt(Integer::intValue).sum();
        assertThat(stockOf("DBF-A")).isEqualTo(1000 - expectedTaken);
        assertThat(db.queryLong("SELECT count(*) FROM reservation WHERE sku = 'DBF-A'")).isEqualTo(orders);
        assertThat(db.queryLong("SELECT count(*) FROM notification WHERE recipient = 'chaos.monkey@example.com'"))
                .isEqualTo(orders);
        assertThat(failures()).as("the database failures really hit the consumer").isGreaterThan(failuresBefore);
    }

    /** Outcome events (reserved or rejected) of the given orders, one per order id. */
    private Map<UUID, EventEnvelope> outcomes(Set<UUID> orderIds) {
        List<EventEnvelope> all = new ArrayList<>(events(StockReserved.class, e -> orderIds.contains(e.orderId())));
        all.addAll(events(StockRejected.class, e -> orderIds.contains(e.orderId())));
        return all.stream().collect(Collectors.toMap(EventEnvelope::orderId, Function.identity(), (a, b) -> a));
    }

    private double failures() {
        return metrics.total(EventMetrics.FAILED);
    }

    /** An admin connection to the server of the service's database (on the postgres database, so it is not a victim). */
    private Connection adminConnection() throws java.sql.SQLException {
        String url = db.url();
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", db.username(),
                db.password());
    }

    /** Terminates every connection of the service to its database; returns how many there were. */
    private int killConnections(Statement admin) {
        String url = db.url();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (ResultSet rs = admin.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = '" + database + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("connection killer failed", e);
        }
    }
}
