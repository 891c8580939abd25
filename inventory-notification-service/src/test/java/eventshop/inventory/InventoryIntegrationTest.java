package eventshop.inventory;

import eventshop.events.Customer;
import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What every integration test of this service shares: a fresh database, the shared real broker, a watcher on the
 * topics the service writes, and helpers to send order events and look at the database directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InventoryIntegrationTest implements TestPropertyProvider {

    protected final Map<String, String> properties = testProperties();
    protected KafkaTestClient kafka;
    protected KafkaTestClient.TopicWatcher watcher;

    @Inject
    protected EventCodec codec;

    private static Map<String, String> testProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.properties("inventory"));
        // nothing in flight when a test class ends; waiting for the test client's keep-alive connection only costs time
        props.put("micronaut.lifecycle.graceful-shutdown.enabled", "false");
        return props;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @BeforeAll
    void connectToBroker() {
        kafka = KafkaTestClient.forSharedBroker();
        watcher = kafka.watch(List.of(Topics.ORDERS, Topics.INVENTORY, Topics.NOTIFICATIONS, Topics.CATALOG,
                Topics.DEADLETTER));
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        watcher.close();
        kafka.close();
    }

    protected static Customer customer(String name) {
        return new Customer(name, name.toLowerCase().replace(' ', '.') + "@example.com");
    }

    protected static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, sku + " product", new BigDecimal("2.00"), quantity);
    }

    protected static EventEnvelope orderPlaced(UUID orderId, Customer customer, OrderLine... lines) {
        BigDecimal total = Arrays.stream(lines).map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return EventEnvelope.of(new OrderPlaced(customer, List.of(lines), total, "EUR"), orderId,
                "click-" + orderId, "orders-service");
    }

    protected static EventEnvelope orderCancelled(UUID orderId, Customer customer) {
        return EventEnvelope.of(new OrderCancelled(customer, "changed my mind"), orderId, "cancel-" + orderId,
                "orders-service");
    }

    protected void send(EventEnvelope event) {
        kafka.send(Topics.ORDERS, event.orderId().toString(), event, codec);
    }

    /** Events of the given type on the watched topics that satisfy the filter (this class's orders or SKUs). */
    protected <T extends DomainEvent> List<EventEnvelope> events(Class<T> type, Predicate<EventEnvelope> filter) {
        return watcher.events(codec).stream().filter(e -> type.isInstance(e.data())).filter(filter).toList();
    }

    protected static Predicate<EventEnvelope> forOrder(UUID orderId) {
        return e -> orderId.equals(e.orderId());
    }

    protected Connection database() throws SQLException {
        return DriverManager.getConnection(properties.get("datasources.default.url"),
                properties.get("datasources.default.username"), properties.get("datasources.default.password"));
    }

    protected void sql(String statement) {
        try (Connection c = database(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    protected long queryLong(String query) {
        try (Connection c = database(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** A product of the test's own, so tests do not depend on the seed or on each other. */
    protected void createProduct(String sku, int stock, int lowWaterMark) {
        sql("INSERT INTO product (sku, name, description, price, currency, stock, low_water_mark) VALUES ('" + sku
                + "', 'Test " + sku + "', 'for tests', 1.50, 'EUR', " + stock + ", " + lowWaterMark + ")");
    }

    protected long stockOf(String sku) {
        return queryLong("SELECT stock FROM product WHERE sku = '" + sku + "'");
    }
}
