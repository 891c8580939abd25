package eventshop.inventory;

import eventshop.testing.AccessChecks;
import eventshop.testing.Http;
import eventshop.testing.TestAccounts;
import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restock, reservations and notifications are for staff; the product list is public. A restock under an
 * Idempotency-Key is carried out once however often it is sent, and the key cannot be reused for another restock. A
 * quantity must be a JSON integer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessAndIdempotentRestockTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper jsonMapper;

    private Http http;
    private TestPostgres.Database db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.properties("inventory_access"));
        db = TestPostgres.Database.of(props);
        return props;
    }

    @BeforeAll
    void setUp() {
        http = new Http(client.toBlocking(), jsonMapper);
    }

    @Test
    void staffEndpointsRefuseAnonymousCallersAndOtherRoles() {
        AccessChecks.staffOnly(http, () -> HttpRequest.POST("/products/ESP-001/restock", Map.of("quantity", 1)));
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/notifications"));
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/reservations?orderId=" + UUID.randomUUID()));
        AccessChecks.open(http, () -> HttpRequest.GET("/products"));
        AccessChecks.managementClosed(http);
    }

    @Test
    void aRestockSentTwiceUnderOneKeyRestocksOnce() {
        String key = UUID.randomUUID().toString();
        long before = db.queryLong("SELECT stock FROM product WHERE sku = 'TEA-001'");
        Http.Reply first = http.send(restock("TEA-001", "5", key));
        Http.Reply again = http.send(restock("TEA-001", "5", key));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().get("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(db.queryLong("SELECT stock FROM product WHERE sku = 'TEA-001'")).isEqualTo(before + 5);

        Http.Reply misuse = http.send(restock("TEA-001", "6", key));
        assertThat(misuse.status()).as(misuse.body()).isEqualTo(422);
        assertThat(db.queryLong("SELECT stock FROM product WHERE sku = 'TEA-001'")).isEqualTo(before + 5);
    }

    @Test
    void aQuantityMustBeAJsonInteger() {
        for (String quantity : new String[] {"1.5", "\"2\"", "2.0"}) {
            Http.Reply reply = http.send(restock("ESP-001", quantity, null));
            assertThat(reply.status()).as(quantity + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("violations").get(0).get("field").getStringValue()).isEqualTo("quantity");
            assertThat(reply.body()).contains("whole number");
        }
    }

    private static MutableHttpRequest<?> restock(String sku, String quantity, String key) {
        MutableHttpRequest<?> request = HttpRequest.POST("/products/" + sku + "/restock", "{\"quantity\":" + quantity + "}")
                .contentType("application/json").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD);
        return key == null ? request : request.header("Idempotency-Key", key);
    }
}
