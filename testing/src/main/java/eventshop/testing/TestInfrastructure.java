package eventshop.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The Micronaut properties that connect a service under test to the shared real broker and a fresh real database.
 * Use from a {@code TestPropertyProvider}: {@code return TestInfrastructure.properties("orders");}
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    public static Map<String, String> properties(String databasePrefix) {
        Map<String, String> props = new HashMap<>(kafkaProperties());
        props.putAll(databaseProperties(TestPostgres.freshDatabase(databasePrefix)));
        return props;
    }

    /**
     * The shared broker, and the service's HTTP server on a free port: a service's application.yml names its fixed
     * port (3000, 8082, ...), which a stack started by ./start.sh on the same machine already holds.
     */
    public static Map<String, String> kafkaProperties() {
        return Map.of("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "micronaut.server.port", "-1");
    }

    public static Map<String, String> databaseProperties(TestPostgres.Database db) {
        return Map.of(
                "datasources.default.url", db.url(),
                "datasources.default.username", db.username(),
                "datasources.default.password", db.password());
    }
}
