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
        props.putAll(TestAccounts.properties());
        return props;
    }

    /**
     * As {@link #properties}, for a service whose migrations run as its database's owner while it connects as a role
     * with only what those migrations grant (audit-service): {@code datasources.default} is the service's role,
     * {@code flyway.datasources.default} the owner.
     */
    public static Map<String, String> propertiesWithAppRole(String databasePrefix) {
        Map<String, String> props = new HashMap<>(kafkaProperties());
        TestPostgres.Roles roles = TestPostgres.freshDatabaseWithAppRole(databasePrefix);
        props.putAll(databaseProperties(roles.app()));
        props.put("flyway.datasources.default.user", roles.owner().username());
        props.put("flyway.datasources.default.password", roles.owner().password());
        props.putAll(TestAccounts.properties());
        return props;
    }

    /**
     * The shared broker, and a random HTTP port: a service's application.yml names its fixed port (3000, 8080...),
     * which a stack running on the same machine may hold.
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
