package eventshop.e2e;

import eventshop.testing.KafkaBroker;
import eventshop.testing.TestAccounts;
import eventshop.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole shop as it runs for real: the in-process Kafka broker, a fresh PostgreSQL database per service (dropped
 * once the services have stopped), and the five services as separate JVMs started from their shaded jars. One per
 * test JVM ({@link #shared()}); tests may stop
 * and restart a service to see how the others cope.
 */
public final class SystemUnderTest {

    public static final String ORDERS = "orders-service";
    public static final String INVENTORY = "inventory-notification-service";
    public static final String AUDIT = "audit-service";
    public static final String ANALYTICS = "analytics-service";
    public static final String WEB_UI = "web-ui";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static SystemUnderTest shared;

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, TestPostgres.Database> databases = new LinkedHashMap<>();
    private final int ordersGrpcPort = freePort();

    private SystemUnderTest() {
        Path root = Path.of(System.getProperty("eventshop.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("eventshop.e2e.logs", "target/e2e-logs"));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String kafka = KafkaBroker.shared().bootstrapServers();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : new String[] {ORDERS, INVENTORY, AUDIT, ANALYTICS, WEB_UI}) {
            ports.put(name, freePort());
        }
        // As the run modes set them up: each service its own role, none a superuser; audit's migrations as the
        // audit database's owner, the service as a role that cannot rewrite the journal.
        for (String name : new String[] {ORDERS, INVENTORY, AUDIT}) {
            Map<String, String> env = new LinkedHashMap<>(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka,
                    "EVENTSHOP_STAFF_PASSWORD", TestAccounts.STAFF_PASSWORD,
                    "EVENTSHOP_SERVICE_PASSWORD", TestAccounts.SERVICE_PASSWORD,
                    "LOG_FORMAT", "TEXT"));
            TestPostgres.Database db;
            if (name.equals(AUDIT)) {
                TestPostgres.Roles roles = TestPostgres.freshDatabaseWithAppRole("e2e_" + name);
                db = roles.app();
                env.put("FLYWAY_DATASOURCES_DEFAULT_USER", roles.owner().username());
                env.put("FLYWAY_DATASOURCES_DEFAULT_PASSWORD", roles.owner().password());
            } else {
                db = TestPostgres.freshDatabase("e2e_" + name);
            }
            env.putAll(Map.of("DATASOURCES_DEFAULT_URL", db.url(), "DATASOURCES_DEFAULT_USERNAME", db.username(),
                    "DATASOURCES_DEFAULT_PASSWORD", db.password()));
            databases.put(name, db);
            if (name.equals(ORDERS)) {
                env.put("GRPC_SERVER_PORT", String.valueOf(ordersGrpcPort));
            }
            services.put(name, new ServiceProcess(name, jar(root, name), ports.get(name), env, logs));
        }
        // No database: Kafka Streams keeps its state in changelog topics; the folder holds only its locks and checkpoints.
        services.put(ANALYTICS, new ServiceProcess(ANALYTICS, jar(root, ANALYTICS), ports.get(ANALYTICS), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EVENTSHOP_ANALYTICS_STATE_DIR", logs.toAbsolutePath().resolve("analytics-state").toString(),
                "LOG_FORMAT", "TEXT"), logs));
        services.put(WEB_UI, new ServiceProcess(WEB_UI, jar(root, WEB_UI), ports.get(WEB_UI), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "MICRONAUT_HTTP_SERVICES_ORDERS_URL", "http://127.0.0.1:" + ports.get(ORDERS),
                "MICRONAUT_HTTP_SERVICES_INVENTORY_URL", "http://127.0.0.1:" + ports.get(INVENTORY),
                "MICRONAUT_HTTP_SERVICES_AUDIT_URL", "http://127.0.0.1:" + ports.get(AUDIT),
                "EVENTSHOP_STAFF_PASSWORD", TestAccounts.STAFF_PASSWORD,
                "EVENTSHOP_SERVICE_PASSWORD", TestAccounts.SERVICE_PASSWORD,
                // fixed, so a signed-in browser stays signed in across a web-ui restart
                "EVENTSHOP_WEB_SECRET", "e2e-signing-secret-" + java.util.UUID.randomUUID(),
                "GRPC_CHANNELS_ORDERS_ADDRESS", ordersGrpcAddress(),
                "MICRONAUT_HTTP_SERVICES_ANALYTICS_URL", "http://127.0.0.1:" + ports.get(ANALYTICS),
                "LOG_FORMAT", "TEXT"), logs));
    }

    /** The system of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized SystemUnderTest shared() {
        if (shared == null) {
            SystemUnderTest system = new SystemUnderTest();
            KafkaBroker.shared().beforeShutdown(system::stopAll);
            system.startAll();
            shared = system;
        }
        return shared;
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    public String url(String name) {
        return service(name).url();
    }

    /** A running service is left alone; a stopped one is started and awaited. */
    public void ensureRunning(String name) {
        service(name).start(START_TIMEOUT);
    }

    /** orders-service's gRPC API, which web-ui and the terminal client call. */
    public String ordersGrpcAddress() {
        return "127.0.0.1:" + ordersGrpcPort;
    }

    public TestPostgres.Database database(String name) {
        return databases.get(name);
    }

    private void startAll() {
        for (ServiceProcess service : services.values()) {
            service.start(START_TIMEOUT);
        }
    }

    private void stopAll() {
        // SIGTERM to all at once, so they shut down gracefully in parallel while the broker is still up.
        services.values().forEach(ServiceProcess::signalStop);
        services.values().forEach(ServiceProcess::stop);
        // Only now that no service uses them: a test run leaves no databases behind.
        databases.values().forEach(TestPostgres.Database::drop);
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
