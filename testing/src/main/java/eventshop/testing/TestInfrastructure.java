package eventshop.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
     * The shared broker, a random HTTP port and a gRPC port of their own ({@link #grpcPort}): a service's
     * application.yml names its fixed port (3000, 8080...), which a stack running on the same machine may hold.
     */
    public static Map<String, String> kafkaProperties() {
        return Map.of("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "micronaut.server.port", "-1",
                "grpc.server.port", String.valueOf(grpcPort()));
    }

    private static final AtomicInteger NEXT_GRPC_PORT = new AtomicInteger(20_000 + (int) (ProcessHandle.current().pid() % 500) * 20);

    /**
     * A port for a service's gRPC server (orders-service; the others ignore it): a new one for every set of properties,
     * below the kernel's ephemeral range (32768 and up). micronaut-grpc's own random pick can land on an ephemeral
     * port that a closed Kafka or JDBC client connection still holds in TIME_WAIT, which fails the bind (seen in CI).
     * Two contexts started from the same properties at once need a port each: ask this again for the second.
     */
    public static int grpcPort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = NEXT_GRPC_PORT.getAndIncrement();
            if (port >= 32_000) {
                NEXT_GRPC_PORT.set(20_000);
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // next one
            }
        }
        throw new IllegalStateException("no free port for a gRPC server between 20000 and 32000");
    }


    public static Map<String, String> databaseProperties(TestPostgres.Database db) {
        return Map.of(
                "datasources.default.url", db.url(),
                "datasources.default.username", db.username(),
                "datasources.default.password", db.password());
    }
}
