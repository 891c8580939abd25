package eventshop.orders;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.ProductSnapshot;
import eventshop.events.Topics;
import eventshop.testing.Http;
import eventshop.testing.KafkaTestClient;
import io.micronaut.http.HttpRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The products the tests order, published to the compacted catalog topic the way the inventory service does. */
public final class TestCatalog {

    public static final ProductSnapshot ESPRESSO = product("TEST-ESP", "Espresso", "2.50", 50);
    public static final ProductSnapshot LATTE = product("TEST-LAT", "Caffè Latte", "3.20", 40);
    public static final ProductSnapshot BEANS = product("TEST-BEANS", "House Beans 1kg", "18.90", 10);
    public static final List<ProductSnapshot> ALL = List.of(ESPRESSO, LATTE, BEANS);

    private TestCatalog() {
    }

    public static ProductSnapshot product(String sku, String name, String price, int stock) {
        return new ProductSnapshot(sku, name, name + " from the test catalog", new BigDecimal(price), "EUR", stock, 5);
    }

    public static void publish(KafkaTestClient kafka, EventCodec codec, ProductSnapshot... snapshots) {
        for (ProductSnapshot snapshot : snapshots) {
            kafka.send(Topics.CATALOG, snapshot.sku(), EventEnvelope.of(snapshot, null, "test", "test"), codec);
        }
    }

    public static void publishAll(KafkaTestClient kafka, EventCodec codec) {
        publish(kafka, codec, ALL.toArray(ProductSnapshot[]::new));
    }

    /** Publishes the test products and waits until the service's replica (GET /catalog) holds every one of them. */
    public static void publishAllAndAwaitReplica(KafkaTestClient kafka, EventCodec codec, Http http) {
        publishAll(kafka, codec);
        List<String> skus = ALL.stream().map(ProductSnapshot::sku).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> replica = new ArrayList<>();
            http.send(HttpRequest.GET("/catalog")).json().values().forEach(p -> replica.add(p.get("sku").getStringValue()));
            return replica.containsAll(skus);
        });
    }
}
