package eventshop.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The Micronaut properties that connect a service under test to the shared real broker and a fresh real database, on
 * a random HTTP port (the service's own port may be taken by the same service running from ./start.sh).
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

    /** The shared broker, and a random HTTP port: what every service under test needs, with a database or without. */
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
