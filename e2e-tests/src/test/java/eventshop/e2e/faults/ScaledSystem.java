package eventshop.e2e.faults;

import eventshop.e2e.ServiceProcess;
import eventshop.testing.TcpProxy;
import eventshop.testing.TestAccounts;
import eventshop.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The shop scaled out as {@code ./start.sh --brokers 3 --instances 2} runs it: three Kafka nodes, two instances of each
 * back-end service (orders, inventory-notification, audit) from their shaded jars, each service with its own database
 * and role; and, unlike the run modes, a {@link TcpProxy} between every service and PostgreSQL so a test can take the
 * database away. Analytics and web-ui are left out: they hold none of the state the invariants are about (analytics
 * only reads, web-ui only forwards). Every process is killed and every database dropped by {@link #close()}, also
 * from a JVM shutdown hook.
 */
final class ScaledSystem implements AutoCloseable {

    static final String ORDERS = "orders-service";
    static final String INVENTORY = "inventory-notification-service";
    static final String AUDIT = "audit-service";
    static final List<String> SERVICES = List.of(ORDERS, INVENTORY, AUDIT);
    static final int INSTANCES = 2;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5); // six JVMs starting at once on two busy cores

    private final KafkaCluster kafka;
    private final TcpProxy postgresProxy;
    private final Map<String, TestPostgres.Database> databases = new LinkedHashMap<>();
    private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "scaled-system-shutdown");
    private boolean closed;

    ScaledSystem(Path repositoryRoot, Path logs) {
        prepare(logs);
        kafka = new KafkaCluster(repositoryRoot.resolve("local-stack/target/kafka-broker"), logs.resolve("kafka-data"),
                logs, 3);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Map<String, String> flywayOwner = new LinkedHashMap<>();
        for (String service : SERVICES) {
            if (service.equals(AUDIT)) {
                TestPostgres.Roles roles = TestPostgres.freshDatabaseWithAppRole("faults_audit");
                databases.put(service, roles.app());
                flywayOwner.put("FLYWAY_DATASOURCES_DEFAULT_USER", roles.owner().username());
                flywayOwner.put("FLYWAY_DATASOURCES_DEFAULT_PASSWORD", roles.owner().password());
            } else {
                databases.put(service, TestPostgres.freshDatabase("faults_" + service.substring(0, service.indexOf('-'))));
            }
        }
        URI server = URI.create(databases.get(ORDERS).url().substring("jdbc:".length()));
        postgresProxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        for (String service : SERVICES) {
            TestPostgres.Database db = databases.get(service);
            List<ServiceProcess> processes = new ArrayList<>();
            for (int i = 1; i <= INSTANCES; i++) {
                Map<String, String> env = new LinkedHashMap<>(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "EVENTSHOP_KAFKA_REPLICATION_FACTOR", "3",
                        "EVENTSHOP_STAFF_PASSWORD", TestAccounts.STAFF_PASSWORD,
                        "EVENTSHOP_SERVICE_PASSWORD", TestAccounts.SERVICE_PASSWORD,
                        "LOG_FORMAT", "TEXT",
                        // The instance's name on its sessions (pg_stat_activity.application_name): how the suite finds
                        // the relay-lock holder among the instances.
                        "DATASOURCES_DEFAULT_URL", throughProxy(db.url(), server)
                                + (db.url().contains("?") ? "&" : "?") + "ApplicationName=" + service + "-" + i,
                        "DATASOURCES_DEFAULT_USERNAME", db.username(),
                        "DATASOURCES_DEFAULT_PASSWORD", db.password()));
                if (service.equals(AUDIT)) {
                    env.putAll(flywayOwner);
                }
                if (service.equals(ORDERS)) {
                    env.put("GRPC_SERVER_PORT", String.valueOf(freePort()));
                }
                processes.add(new ServiceProcess(service + "-" + i, jar(repositoryRoot, service), freePort(), env, logs));
            }
            instances.put(service, processes);
        }
    }

    /** The brokers first (they elect a controller together), then the six services at once. */
    void start() {
        kafka.start();
        CompletableFuture.allOf(allInstances().stream()
                .map(instance -> CompletableFuture.runAsync(() -> instance.start(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    KafkaCluster kafka() {
        return kafka;
    }

    TcpProxy postgresProxy() {
        return postgresProxy;
    }

    /** A service's database as the service sees it, but directly (not through the proxy): for the checks. */
    TestPostgres.Database database(String service) {
        return databases.get(service);
    }

    List<ServiceProcess> instances(String service) {
        return instances.get(service);
    }

    List<ServiceProcess> allInstances() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** Starts (again) and awaits an instance that is not running. */
    void ensureRunning(ServiceProcess instance) {
        instance.start(START_TIMEOUT);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        postgresProxy.heal();
        allInstances().forEach(ServiceProcess::signalStop);
        allInstances().forEach(ServiceProcess::kill);
        kafka.close();
        postgresProxy.close();
        databases.values().forEach(TestPostgres.Database::drop);
    }

    private String throughProxy(String jdbcUrl, URI server) {
        String authority = server.getHost() + (server.getPort() < 0 ? "" : ":" + server.getPort());
        return jdbcUrl.replaceFirst("//" + java.util.regex.Pattern.quote(authority) + "/",
                "//127.0.0.1:" + postgresProxy.port() + "/");
    }

    private static void prepare(Path logs) {
        try {
            if (Files.isDirectory(logs)) {
                try (Stream<Path> old = Files.walk(logs)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
