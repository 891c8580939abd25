package eventshop.inventory;

import eventshop.testing.TestAccounts;
import eventshop.events.ProductSnapshot;
import eventshop.events.StockReplenished;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.assertj.core.api.InstanceOfAssertFactories;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class ProductApiTest extends InventoryIntegrationTest {

    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theSeededCatalogIsListedWithStockAndLowStockFlags() {
        List<Map<String, Object>> products = http.toBlocking().retrieve(HttpRequest.GET("/products"),
                Argument.listOf(JSON_OBJECT));
        assertThat(products).hasSizeGreaterThanOrEqualTo(8);
        assertThat(products).extracting(p -> p.get("sku")).contains("ESP-001", "LAT-001", "CAP-001", "AME-001",
                "MOC-001", "BEAN-250", "MUG-001", "TEA-001");
        Map<String, Object> espresso = http.toBlocking().retrieve(HttpRequest.GET("/products/ESP-001"), JSON_OBJECT);
        assertThat(espresso).containsEntry("name", "Espresso").containsEntry("price", 2.2)
                .containsEntry("currency", "EUR").containsEntry("stock", 50).containsEntry("lowWaterMark", 10)
                .containsEntry("lowStock", false).containsKey("description");
    }

    @Test
    void everyProductIsSnapshottedToTheCatalogAtStartUp() {
        // the ids of the snapshots this instance wrote to its own outbox, so other test classes' snapshots don't count
        await().untilAsserted(() -> assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE event_type = "
                + "'ProductSnapshot' AND published_at IS NOT NULL")).isGreaterThanOrEqualTo(8));
        Set<String> published = snapshotIdsInOutbox();
        await().untilAsserted(() -> assertThat(events(ProductSnapshot.class,
                e -> published.contains(e.eventId().toString())))
                .extracting(e -> e.dataAs(ProductSnapshot.class).sku())
                .contains("ESP-001", "LAT-001", "CAP-001", "AME-001", "MOC-001", "BEAN-250", "MUG-001", "TEA-001"));
    }

    @Test
    void restockingAddsStockAndAnnouncesItWithASnapshot() {
        createProduct("RS-A", 1, 5);
        Map<String, Object> after = http.toBlocking().retrieve(HttpRequest.POST("/products/RS-A/restock",
                Map.of("quantity", 20)).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD).header("X-Request-Id", "restock-click-1"), JSON_OBJECT);
        assertThat(after).containsEntry("stock", 21).containsEntry("lowStock", false);
        assertThat(stockOf("RS-A")).isEqualTo(21);
        await().untilAsserted(() -> assertThat(events(StockReplenished.class,
                e -> e.dataAs(StockReplenished.class).sku().equals("RS-A"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.dataAs(StockReplenished.class)).isEqualTo(new StockReplenished("RS-A", 20, 21));
                    assertThat(e.correlationId()).isEqualTo("restock-click-1");
                }));
        await().untilAsserted(() -> assertThat(events(ProductSnapshot.class,
                e -> e.dataAs(ProductSnapshot.class).sku().equals("RS-A")))
                .extracting(e -> e.dataAs(ProductSnapshot.class).stock()).containsExactly(21));
    }

    @Test
    void everyChangeRaisesTheVersionTheSnapshotsCarry() {
        createProduct("RS-V", 1, 0);
        assertThat(db.queryLong("SELECT version FROM product WHERE sku = 'RS-V'")).isEqualTo(1);

        for (int i = 0; i < 2; i++) {
            http.toBlocking().exchange(HttpRequest.POST("/products/RS-V/restock", Map.of("quantity", 1))
                    .basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        }

        assertThat(db.queryLong("SELECT version FROM product WHERE sku = 'RS-V'")).isEqualTo(3);
        await().untilAsserted(() -> assertThat(events(ProductSnapshot.class,
                e -> e.dataAs(ProductSnapshot.class).sku().equals("RS-V")))
                .extracting(e -> e.dataAs(ProductSnapshot.class))
                .extracting(ProductSnapshot::stock, ProductSnapshot::version)
                .containsExactly(tuple(2, 2L), tuple(3, 3L)));
    }

    @Test
    void unknownSkusAre404Problems() {
        assertProblem(HttpRequest.GET("/products/NOPE-1"), HttpStatus.NOT_FOUND, "NOPE-1");
        assertProblem(HttpRequest.POST("/products/NOPE-1/restock", Map.of("quantity", 1)).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), HttpStatus.NOT_FOUND,
                "NOPE-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\":0}", "{\"quantity\":-5}", "{\"quantity\":10001}",
            "{\"quantity\":99999999999}", "{\"quantity\":\"many\"}", "{}", "{\"quantity\":", "not json", "[]"})
    void badRestockRequestsAre400ProblemsAndChangeNothing(String body) {
        createProductOnce("BAD-A");
        HttpClientResponseException e = assertProblem(HttpRequest.POST("/products/BAD-A/restock", body).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)
                .contentType(MediaType.APPLICATION_JSON_TYPE), HttpStatus.BAD_REQUEST, null);
        boolean quantityField = body.equals("{}") || body.startsWith("{\"quantity\":") && body.endsWith("}");
        assertThat(e.getResponse().getBody(String.class).orElse(""))
                .contains("\"field\":\"" + (quantityField ? "quantity" : "body") + "\"");
        assertThat(stockOf("BAD-A")).isEqualTo(5);
    }

    @Test
    void aRestockBeyondTheShelfIsAConflictProblem() {
        createProduct("BIG-A", 999_999, 0);
        assertProblem(HttpRequest.POST("/products/BIG-A/restock", Map.of("quantity", 2)).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), HttpStatus.CONFLICT,
                "maximum");
        assertThat(stockOf("BIG-A")).isEqualTo(999_999);
    }

    @Test
    void badQueryParametersAre400Problems() {
        assertProblem(HttpRequest.GET("/reservations?orderId=not-a-uuid").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), HttpStatus.BAD_REQUEST, null);
        assertProblem(HttpRequest.GET("/notifications?orderId=42").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), HttpStatus.BAD_REQUEST, null);
        assertProblem(HttpRequest.GET("/notifications?limit=0").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), HttpStatus.BAD_REQUEST, "limit");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/reservations?orderId=" + UUID.randomUUID()).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD),
                Argument.listOf(JSON_OBJECT))).isEmpty();
    }

    @Test
    void healthCoversDatabaseAndKafkaAndPrometheusShowsStock() {
        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), JSON_OBJECT);
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.toString()).contains("jdbc", "kafka", "consumers");
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/health/liveness"), String.class).code()).isEqualTo(200);
        Map<String, Object> readiness = http.toBlocking().retrieve(HttpRequest.GET("/health/readiness").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), JSON_OBJECT);
        assertThat(readiness).containsEntry("status", "UP");
        assertThat(readiness).as("readiness covers the database and Kafka").extractingByKey("details")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("jdbc", "kafka");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class))
                .contains("eventshop_inventory_stock{sku=\"MUG-001\"} 3.0")
                .contains("eventshop_inventory_reservations_total", "eventshop_inventory_rejections_total",
                        "eventshop_inventory_releases_total"));
    }

    private HttpClientResponseException assertProblem(HttpRequest<?> request, HttpStatus status, String detailPart) {
        HttpClientResponseException e = catchThrowableOfType(() -> http.toBlocking().exchange(request, String.class),
                HttpClientResponseException.class);
        assertThat(e).as("expected %s for %s", status, request.getPath()).isNotNull();
        HttpResponse<?> response = e.getResponse();
        assertThat(response.code()).isEqualTo(status.getCode());
        assertThat(response.getContentType()).hasValueSatisfying(type ->
                assertThat(type.toString()).startsWith("application/problem+json"));
        String body = response.getBody(String.class).orElse("");
        assertThat(body).contains("\"status\":" + status.getCode());
        if (detailPart != null) {
            assertThat(body).contains(detailPart);
        }
        return e;
    }

    private void createProductOnce(String sku) {
        if (db.queryLong("SELECT count(*) FROM product WHERE sku = '" + sku + "'") == 0) {
            createProduct(sku, 5, 0);
        }
    }

    private Set<String> snapshotIdsInOutbox() {
        return db.rows("SELECT event_id FROM outbox WHERE event_type = 'ProductSnapshot'").stream()
                .map(row -> String.valueOf(row.get("event_id"))).collect(Collectors.toSet());
    }
}
