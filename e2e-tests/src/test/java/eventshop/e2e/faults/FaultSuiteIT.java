package eventshop.e2e.faults;

import eventshop.e2e.ServiceProcess;
import eventshop.events.Topics;
import eventshop.testing.TestPostgres;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: the shop scaled out ({@link ScaledSystem}: three brokers, two instances of each back-end service,
 * PostgreSQL behind a TCP proxy) under a steady load ({@link ShopLoad}), one fault after another in a fixed order,
 * each followed by recovery and the {@link InvariantChecker}. The results table goes to
 * {@code target/fault-suite.md}; a violated invariant fails the scenario with the table. Run by failsafe in
 * {@code ./mvnw verify}, in a JVM of its own (the other e2e tests share another system); alone:
 * {@code ./mvnw -B -pl e2e-tests verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSuiteIT}
 * after {@code ./mvnw -B -DskipTests package}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final int ORDERS_PER_SECOND = Integer.getInteger("eventshop.faults.rate", 20);
    private static final Duration QUIET_PATIENCE = Duration.ofMinutes(4);
    private static final Duration CLUSTER_DOWN = Duration.ofSeconds(60);
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(40);
    private static final Duration FROZEN = Duration.ofSeconds(30);
    /** Orders accepted under a fault, and again after it is healed, before the load stops: the shop serves. */
    private static final int ORDERS_AROUND_A_FAULT = 60;

    /** The key of the outbox relay's advisory lock (OutboxRepository.tryRelayLock). */
    private static final long RELAY_LOCK_KEY = 7342001;

    private ScaledSystem system;
    private ShopLoad load;
    private InvariantChecker checker;
    private ResultsTable table;

    @BeforeAll
    void startTheScaledOutShop() {
        Path root = Path.of(System.getProperty("eventshop.repo.root", "..")).toAbsolutePath().normalize();
        Path target = Path.of(System.getProperty("eventshop.faults.target", "target"));
        system = new ScaledSystem(root, target.resolve("fault-logs"));
        system.start();
        checker = new InvariantChecker(system);
        // Every instance published the catalog at start; orders' replica must know it before the first order.
        checker.awaitQuiet(QUIET_PATIENCE);
        List<String> skus = ShopLoad.skusOf(system.database(ScaledSystem.INVENTORY).rows("SELECT sku FROM product"));
        load = new ShopLoad(system.instances(ScaledSystem.ORDERS), system.instances(ScaledSystem.INVENTORY), skus,
                ORDERS_PER_SECOND);
        table = new ResultsTable(target.resolve("fault-suite.md"), "3 Kafka brokers (KRaft, replication factor 3, "
                + "min.insync.replicas=2), 2 instances each of orders, inventory-notification and audit, "
                + ORDERS_PER_SECOND + " requests/s (every 10th a restock, every 10th accepted order cancelled), "
                + Runtime.getRuntime().availableProcessors() + " cores");
    }

    @AfterAll
    void stopEverything() {
        if (table != null) {
            System.out.println(table.markdown());
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void killTheFirstInstanceOfEachService() throws Exception {
        scenario("kill -9 of instance 1 of orders, inventory-notification and audit", () -> killInstance(1));
    }

    @Test
    @Order(2)
    void killTheSecondInstanceOfEachService() throws Exception {
        scenario("kill -9 of instance 2 of orders, inventory-notification and audit", () -> killInstance(2));
    }

    @Test
    @Order(3)
    void killAPartitionLeaderBroker() throws Exception {
        scenario("kill -9 of the broker leading shop.orders-0", () -> {
            KafkaCluster.Node leader = system.kafka().leaderOf(Topics.ORDERS, 0);
            leader.kill();
            awaitMoreOrdersAccepted("with " + leader.name() + " dead");
            leader.restart();
            return Instant.now();
        });
    }

    @Test
    @Order(4)
    void stopTheWholeKafkaClusterForAMinute() throws Exception {
        scenario("all three brokers stopped for " + CLUSTER_DOWN.toSeconds() + " s", () -> {
            system.kafka().stopAll();
            try {
                everyInstanceStaysUpFor(CLUSTER_DOWN, "while Kafka is down");
            } finally {
                system.kafka().start();
            }
            return Instant.now();
        });
    }

    @Test
    @Order(5)
    void cutPostgresqlAndBlackHoleIt() throws Exception {
        scenario("PostgreSQL cut and black-holed for " + DATABASE_DOWN.toSeconds() + " s", () -> {
            system.postgresProxy().cutAndBlackHole();
            try {
                everyInstanceStaysUpFor(DATABASE_DOWN, "while PostgreSQL is unreachable");
            } finally {
                system.postgresProxy().heal();
            }
            return Instant.now();
        });
    }

    @Test
    @Order(6)
    void freezeTheRelayLockHolder() throws Exception {
        scenario("SIGSTOP of orders' relay-lock holder for " + FROZEN.toSeconds() + " s", () -> {
            TestPostgres.Database orders = system.database(ScaledSystem.ORDERS);
            ServiceProcess holder = freezeRelayLockHolder(ScaledSystem.ORDERS);
            Instant frozenAt = Instant.now();
            try {
                long publishedBefore = orders.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL");
                awaitMoreOrdersAccepted("with " + holder.name() + " frozen");
                // The frozen holder cannot commit: rows marked published now were published by the other relay,
                // once PostgreSQL ended the frozen session (idle_in_transaction_session_timeout) and freed the lock.
                await("the other orders relay publishing while " + holder.name() + " is frozen")
                        .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> orders.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL")
                                > publishedBefore);
                Duration left = FROZEN.minus(Duration.between(frozenAt, Instant.now()));
                if (left.toSeconds() > 0) {
                    everyInstanceStaysUpFor(left, "while " + holder.name() + " is frozen");
                }
            } finally {
                signal("CONT", holder);
            }
            System.out.printf("%s was frozen for %d s%n", holder.name(),
                    Duration.between(frozenAt, Instant.now()).toSeconds());
            return Instant.now();
        });
    }

    private interface Fault {
        /** Injects the fault, heals it, and says when it was healed. */
        Instant injectAndHeal() throws Exception;
    }

    private void scenario(String name, Fault fault) throws Exception {
        Instant started = Instant.now();
        System.out.printf("%s: scenario \"%s\" starts%n", started, name);
        load.start(name);
        long acceptedBefore = load.accepted().size();
        awaitMoreOrdersAccepted("before the fault");
        Instant healed;
        try {
            healed = fault.injectAndHeal();
            awaitMoreOrdersAccepted("after the fault was healed");
        } finally {
            load.stop();
        }
        checker.awaitQuiet(QUIET_PATIENCE);
        long recovery = Duration.between(healed, Instant.now()).toSeconds();
        InvariantChecker.Result result = checker.check(name, load.accepted(), load.restocked());
        long accepted = load.accepted().size() - acceptedBefore;
        table.add(new ResultsTable.Row(name, accepted, result, recovery,
                Duration.between(started, Instant.now()).toSeconds()));
        String report = "\n" + table.markdown();
        System.out.println(report);
        assertThat(result.lost()).as("orders lost" + report).isZero();
        assertThat(result.appliedTwice()).as("orders or events applied twice" + report).isZero();
        assertThat(result.violations()).as("invariants violated" + report).isEmpty();
    }

    /**
     * Instance {@code n} of every back-end service killed at once, the shop left to serve on the other instances, then
     * the three restarted together: healed when they are all back. Instance 1 and instance 2 in two scenarios, so each
     * instance is killed in its turn; one service at a time would triple the suite's longest part (JVM restarts).
     */
    private Instant killInstance(int n) {
        List<ServiceProcess> victims = ScaledSystem.SERVICES.stream().map(s -> system.instances(s).get(n - 1)).toList();
        victims.forEach(ServiceProcess::kill);
        awaitMoreOrdersAccepted("with " + victims.stream().map(ServiceProcess::name).toList() + " dead");
        CompletableFuture.allOf(victims.stream()
                .map(victim -> CompletableFuture.runAsync(() -> system.ensureRunning(victim)))
                .toArray(CompletableFuture[]::new)).join();
        return Instant.now();
    }

    private void awaitMoreOrdersAccepted(String when) {
        long before = load.accepted().size();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.accepted().size() >= before + ORDERS_AROUND_A_FAULT);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the shop accepted " + (load.accepted().size() - before) + " orders " + when
                    + " in 120 s, not " + ORDERS_AROUND_A_FAULT, e);
        }
    }

    /** A fault lasts this long; every service instance must survive it (degraded, not dead). */
    private void everyInstanceStaysUpFor(Duration duration, String when) {
        AtomicReference<String> dead = new AtomicReference<>("");
        try {
            await("every instance alive " + when).during(duration).atMost(duration.plusSeconds(10))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        system.allInstances().stream().filter(i -> !i.isRunning()).findFirst()
                                .ifPresent(i -> dead.set(i.name()));
                        return dead.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(dead.get() + " died " + when + "; see its log in target/fault-logs", e);
        }
    }

    /**
     * The relay lock is transaction-scoped (pg_try_advisory_xact_lock): an instance holds it while it publishes a
     * batch. The holder is found in pg_locks (the advisory lock granted in the service's database), its session in
     * pg_stat_activity, and the instance by the session's application_name (each instance connects as
     * {@code <service>-<n>}). It is frozen at once and, in case its batch ended meanwhile, checked to still hold
     * the lock; else thawed and tried again.
     */
    private ServiceProcess freezeRelayLockHolder(String service) throws IOException, InterruptedException {
        AtomicReference<ServiceProcess> frozen = new AtomicReference<>();
        await("an orders relay caught holding its lock").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    List<String> holders = relayLockHolders(service);
                    if (holders.isEmpty()) {
                        return false;
                    }
                    ServiceProcess holder = system.instances(service).stream()
                            .filter(i -> i.name().equals(holders.get(0))).findFirst().orElseThrow();
                    signal("STOP", holder);
                    if (relayLockHolders(service).contains(holder.name())) {
                        frozen.set(holder);
                        return true;
                    }
                    signal("CONT", holder);
                    return false;
                });
        return frozen.get();
    }

    private List<String> relayLockHolders(String service) {
        TestPostgres.Database db = system.database(service);
        return db.rows("""
                SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.objid::bigint = ? AND l.granted AND a.datname = current_database()""",
                RELAY_LOCK_KEY)
                .stream().map(row -> (String) row.get("name")).toList();
    }

    private static void signal(String signal, ServiceProcess instance) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(instance.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + instance.pid() + " failed");
        }
    }
}
