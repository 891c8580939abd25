package eventshop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import eventshop.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eventshop.e2e.SystemUnderTest.AUDIT;
import static eventshop.e2e.SystemUnderTest.INVENTORY;
import static eventshop.e2e.SystemUnderTest.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order travels through every hop for real — HTTP into orders-service, its outbox, Kafka, inventory's reservation
 * in PostgreSQL, the outcome back through Kafka, and the audit journal — with the services as separate processes.
 * Any broken hop (a listener not consuming, a relay not publishing) leaves the order PENDING and fails the test.
 */
class WalkingSkeletonTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static SystemUnderTest system;
    private final JsonHttp http = new JsonHttp();

    @BeforeAll
    static void startTheShop() {
        system = SystemUnderTest.shared();
        system.ensureRunning(AUDIT);
    }

    @Test
    void anOrderWithinStockIsReservedConfirmedAndJournaled() throws SQLException {
        String sku = "ESP-001";
        awaitCatalogReplicaKnows(sku);
        int stockBefore = stockInInventoryDatabase(sku);
        String requestId = "skeleton-" + UUID.randomUUID();

        JsonHttp.Response placed = http.post(system.url(ORDERS) + "/orders", order("Ada Lovelace", sku, 2), requestId);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("status").asText()).isEqualTo("PENDING");
        String orderId = placed.body().path("id").asText();
        await("order confirmed").atMost(FLOW_TIMEOUT).until(() -> status(orderId).equals("CONFIRMED"));
        assertThat(stockInInventoryDatabase(sku)).isEqualTo(stockBefore - 2);
        await("audit journal holds the order's events").atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(journaledTypes(orderId)).contains("OrderPlaced", "StockReserved", "OrderConfirmed"));
        JsonNode timeline = http.getAsStaff(system.url(AUDIT) + "/audit/orders/" + orderId + "/timeline").body();
        timeline.path("events").forEach(event ->
                assertThat(event.path("correlationId").asText()).as("correlation id of %s", event.path("type"))
                        .isEqualTo(requestId));
    }

    @Test
    void anOrderAboveStockIsRejectedAndStockIsUnchanged() throws SQLException {
        String sku = "MUG-001";
        awaitCatalogReplicaKnows(sku);
        int stockBefore = stockInInventoryDatabase(sku);

        JsonHttp.Response placed = http.post(system.url(ORDERS) + "/orders",
                order("Grace Hopper", sku, stockBefore + 1), null);

        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("id").asText();
        await("order rejected").atMost(FLOW_TIMEOUT).until(() -> status(orderId).equals("REJECTED"));
        assertThat(http.get(system.url(ORDERS) + "/orders/" + orderId).body().path("statusReason").asText())
                .containsIgnoringCase("stock");
        assertThat(stockInInventoryDatabase(sku)).isEqualTo(stockBefore);
        await("audit journal holds the rejection").atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(journaledTypes(orderId)).contains("OrderPlaced", "StockRejected", "OrderRejected"));
    }

    private void awaitCatalogReplicaKnows(String sku) {
        await("orders-service catalog replica knows " + sku).atMost(FLOW_TIMEOUT).until(() -> {
            JsonHttp.Response catalog = http.get(system.url(ORDERS) + "/catalog");
            if (catalog.status() != 200) {
                return false;
            }
            for (JsonNode product : catalog.body()) {
                if (product.path("sku").asText().equals(sku)) {
                    return true;
                }
            }
            return false;
        });
    }

    private String status(String orderId) {
        return http.get(system.url(ORDERS) + "/orders/" + orderId).body().path("status").asText();
    }

    private List<String> journaledTypes(String orderId) {
        JsonNode timeline = http.getAsStaff(system.url(AUDIT) + "/audit/orders/" + orderId + "/timeline").body();
        List<String> types = new ArrayList<>();
        timeline.path("events").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private int stockInInventoryDatabase(String sku) throws SQLException {
        TestPostgres.Database db = system.database(INVENTORY);
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement query = connection.prepareStatement("SELECT stock FROM product WHERE sku = ?")) {
            query.setString(1, sku);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("product %s in the inventory database", sku).isTrue();
                return row.getInt(1);
            }
        }
    }

    private static Map<String, Object> order(String name, String sku, int quantity) {
        return Map.of(
                "customer", Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com"),
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)));
    }
}
