package eventshop.benchmark;

import com.sun.tools.attach.VirtualMachine;
import eventshop.benchmark.Results.BrokerLoad;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The broker's own request counts, read from its MBeans without opening a port: the load generator runs as the same
 * user on the same machine, so the JDK's Attach API starts the broker's local management agent
 * ({@code VirtualMachine.startLocalManagementAgent()}, a JMX connector reachable from this machine only) and JMX reads
 * {@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,version=*} (Count, summed over versions), the
 * request handlers' idle time ({@code kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent},
 * a meter of idle nanoseconds per handler thread) and the network threads' time waiting in select
 * ({@code io-wait-time-ns-total} of {@code kafka.server:type=socket-server-metrics}, the client listeners' processors:
 * what {@code NetworkProcessorAvgIdlePercent} averages over a minute, as a running total). Every broker whose pid it is
 * given ({@code kafka}, {@code kafka-2}, ...) is summed. If attaching fails, it says so once and measures nothing.
 */
final class BrokerMetrics implements AutoCloseable {

    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,version=*";
    private static final String HANDLER_IDLE = "kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent,*";
    private static final String NETWORK = "kafka.server:type=socket-server-metrics,listener=*,networkProcessor=*";
    /** Registered where a KRaft controller runs: there its request handler pool marks the same idle meter. */
    private static final String CONTROLLER = "kafka.controller:type=KafkaController,name=ActiveControllerCount";
    /** Kafka's split of Fetch into consumers' and followers' fetches: counted in Fetch already. */
    private static final List<String> FETCH_SPLIT = List.of("FetchConsumer", "FetchFollower");
    /** The KRaft controller's listener (local-stack/bin/kafka.sh): its network threads serve no client. */
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** How many request types the phase's line names; results.json holds them all. */
    private static final int TOP = 8;

    private final List<JMXConnector> connectors;
    private final Consumer<String> progress;

    private BrokerMetrics(List<JMXConnector> connectors, Consumer<String> progress) {
        this.connectors = connectors;
        this.progress = progress;
    }

    /** Attaches to every broker among the stack's processes (named {@code kafka} or {@code kafka-<n>}). */
    static BrokerMetrics attach(Map<String, Long> pids, Consumer<String> progress) {
        List<JMXConnector> connectors = new ArrayList<>();
        for (Map.Entry<String, Long> broker : pids.entrySet()) {
            if (!broker.getKey().matches("kafka(-\\d+)?")) {
                continue;
            }
            try {
                connectors.add(JMXConnectorFactory.connect(new JMXServiceURL(localAgent(broker.getValue()))));
            } catch (Exception | LinkageError e) {   // LinkageError: a runtime without the jdk.attach module
                progress.accept("broker requests per order: not measured (cannot attach to " + broker.getKey()
                        + ", pid " + broker.getValue() + ": " + e + ")");
                connectors.forEach(BrokerMetrics::closeQuietly);
                return new BrokerMetrics(List.of(), progress);
            }
        }
        if (connectors.isEmpty()) {
            progress.accept("broker requests per order: not measured (no broker pid given: --pids kafka=<pid>)");
        }
        return new BrokerMetrics(connectors, progress);
    }

    private static String localAgent(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    /**
     * Counts so far, summed over the brokers: requests by type, the handlers' idle nanoseconds (each pool's idle time
     * divided by its threads, as the meter counts them) and how many pools mark that meter (two on a node that is
     * broker and controller at once, as in this stack), the network threads' nanoseconds waiting in select and how many
     * threads that sums.
     */
    record Snapshot(long nanos, int brokers, Map<String, Long> requests, Double handlerIdleNanos, int handlerPools,
                    Double networkIdleNanos, int networkThreads) {
    }

    /** Null when nothing is measured (not attached, or a broker stopped answering). */
    Snapshot snapshot() {
        if (connectors.isEmpty()) {
            return null;
        }
        try {
            Map<String, Long> requests = new TreeMap<>();
            Double handlerIdle = null;
            int handlerPools = 0;
            Double networkIdle = null;
            int networkThreads = 0;
            long nanos = System.nanoTime();
            for (JMXConnector connector : connectors) {
                MBeanServerConnection mbeans = connector.getMBeanServerConnection();
                for (ObjectName name : mbeans.queryNames(new ObjectName(REQUESTS), null)) {
                    if (!FETCH_SPLIT.contains(name.getKeyProperty("request"))) {
                        long count = ((Number) mbeans.getAttribute(name, "Count")).longValue();
                        requests.merge(name.getKeyProperty("request"), count, Long::sum);
                    }
                }
                for (ObjectName name : mbeans.queryNames(new ObjectName(HANDLER_IDLE), null)) {
                    handlerIdle = plus(handlerIdle, ((Number) mbeans.getAttribute(name, "Count")).doubleValue());
                    handlerPools += mbeans.isRegistered(new ObjectName(CONTROLLER)) ? 2 : 1;
                }
                for (ObjectName name : mbeans.queryNames(new ObjectName(NETWORK), null)) {
                    if (!CONTROLLER_LISTENER.equals(name.getKeyProperty("listener"))) {
                        networkIdle = plus(networkIdle,
                                ((Number) mbeans.getAttribute(name, "io-wait-time-ns-total")).doubleValue());
                        networkThreads++;
                    }
                }
            }
            return new Snapshot(nanos, connectors.size(), requests, handlerIdle, handlerPools, networkIdle,
                    networkThreads);
        } catch (IOException | JMException | RuntimeException e) {
            progress.accept("broker requests per order: not measured in this phase (" + e + ")");
            return null;
        }
    }

    /** What the broker(s) did between two snapshots, per order; null if either is missing. */
    static BrokerLoad load(Snapshot before, Snapshot after, long orders) {
        if (before == null || after == null || orders <= 0) {
            return null;
        }
        Map<String, Long> spent = new TreeMap<>();
        after.requests().forEach((type, count) -> {
            long delta = count - before.requests().getOrDefault(type, 0L);
            if (delta > 0) {
                spent.put(type, delta);
            }
        });
        Map<String, Double> perOrder = new LinkedHashMap<>();
        spent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> perOrder.put(e.getKey(), round2((double) e.getValue() / orders)));
        long total = spent.values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.max(1e-3, (after.nanos() - before.nanos()) / 1e9);
        return new BrokerLoad(after.brokers(), round2((double) total / orders), Math.round(total / seconds * 10) / 10.0,
                perOrder, after.handlerPools() != before.handlerPools() ? null
                        : busy(before.handlerIdleNanos(), after.handlerIdleNanos(), seconds, after.handlerPools(), after.brokers()),
                after.networkThreads() != before.networkThreads() ? null
                        : busy(before.networkIdleNanos(), after.networkIdleNanos(), seconds, after.networkThreads(),
                                after.networkThreads()));
    }

    /**
     * The busy share of {@code of} threads (or brokers' handler pools): the idle shares counted in {@code counted}
     * threads (or pools) over {@code seconds}, subtracted from {@code counted}, over {@code of}. For the handlers of a
     * node that is broker and controller at once, both pools' idle shares add up in one meter; the controller's pool,
     * which serves the broker's heartbeats and little else, is counted as idle, so its few requests count as the
     * broker's. Null if not measured.
     */
    private static Double busy(Double idleBefore, Double idleAfter, double seconds, int counted, int of) {
        if (idleBefore == null || idleAfter == null || seconds <= 0 || of <= 0) {
            return null;
        }
        double idleShares = (idleAfter - idleBefore) / (seconds * 1e9);
        return Math.round((counted - idleShares) / of * 1000) / 1000.0;
    }

    /** "Fetch 10.3, OffsetCommit 1.7, ..." for the top types, the rest summed as "others". */
    static String topTypes(BrokerLoad load) {
        List<String> parts = new ArrayList<>();
        double others = 0;
        int i = 0;
        for (Map.Entry<String, Double> e : load.requestsPerOrderByType().entrySet()) {
            if (i++ < TOP) {
                parts.add(e.getKey() + " " + number(e.getValue()));
            } else {
                others += e.getValue();
            }
        }
        if (others > 0) {
            parts.add("others " + number(others));
        }
        return String.join(", ", parts);
    }

    static String number(double value) {
        return String.format(java.util.Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static Double plus(Double sum, double value) {
        return sum == null ? value : sum + value;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the broker is gone: nothing to close
        }
    }

    @Override
    public void close() {
        connectors.forEach(BrokerMetrics::closeQuietly);
    }
}
