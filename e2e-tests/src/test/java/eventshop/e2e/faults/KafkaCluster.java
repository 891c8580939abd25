package eventshop.e2e.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Three Apache Kafka nodes (KRaft, each broker and controller) as separate JVMs, configured as {@code ./start.sh
 * --brokers 3} configures them (replication factor 3, {@code min.insync.replicas=2}, Kafka's internal topics too) and
 * run from the same classpath: local-stack's {@code target/kafka-broker} (the broker from Maven Central, packaged by
 * {@code ./mvnw package}), on free ports. Each node can be killed ({@code kill -9}), stopped and started again on its
 * data.
 */
final class KafkaCluster implements AutoCloseable {

    private static final List<String> JVM_FLAGS = List.of("-Xms128m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path brokerHome;
    private final Path dataDir;
    private final Path logDir;
    private final List<Node> nodes = new ArrayList<>();

    KafkaCluster(Path brokerHome, Path dataDir, Path logDir, int size) {
        this.brokerHome = brokerHome;
        this.dataDir = dataDir;
        this.logDir = logDir;
        if (!Files.isDirectory(brokerHome.resolve("lib"))) {
            throw new IllegalStateException(brokerHome.resolve("lib") + " is missing: build the broker's classpath "
                    + "first with ./mvnw -B -DskipTests package");
        }
        for (int id = 1; id <= size; id++) {
            nodes.add(new Node(id, freePort(), freePort()));
        }
        String clusterId = Uuid.randomUuid().toString();
        for (Node node : nodes) {
            node.format(clusterId);
        }
    }

    /** Launches every node that is not running and waits until all of them serve. */
    void start() {
        nodes.stream().filter(node -> !node.isRunning()).forEach(Node::launch);
        nodes.forEach(Node::awaitStarted);
    }

    String bootstrapServers() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port).collect(Collectors.joining(","));
    }

    Node node(int id) {
        return nodes.get(id - 1);
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** The node leading a partition of a topic now. */
    Node leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            int leader = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic)
                    .partitions().get(partition).leader().id();
            return node(leader);
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the leader of " + topic + "-" + partition, e);
        }
    }

    /** Every node at once, gracefully if it can (the last of a quorum may not: then SIGKILL after 20 s). */
    void stopAll() {
        nodes.forEach(Node::signalStop);
        nodes.forEach(Node::stop);
    }

    @Override
    public void close() {
        nodes.forEach(Node::kill);
    }

    /** One KRaft node in its own JVM. */
    final class Node {

        private final int id;
        private final int port;
        private final int controllerPort;
        private final Path config;
        private final Path log;
        private Process process;
        private long startedBefore;

        private Node(int id, int port, int controllerPort) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.config = dataDir.resolve("node-" + id + ".properties");
            this.log = logDir.resolve("kafka-" + id + ".log");
        }

        int id() {
            return id;
        }

        String name() {
            return "broker " + id;
        }

        private void format(String clusterId) {
            try {
                Files.createDirectories(dataDir.resolve("node-" + id));
                Files.createDirectories(logDir.resolve("kafka-" + id));
                Files.writeString(config, properties());
                Process format = builder("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                        config.toString(), "--ignore-formatted").start();
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("formatting " + name() + "'s storage failed; see " + log);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** As start.sh's write_cluster_node_properties writes them. */
        private String properties() {
            String voters = nodes.stream().map(n -> n.id + "@127.0.0.1:" + n.controllerPort)
                    .collect(Collectors.joining(","));
            return """
                    process.roles=broker,controller
                    node.id=%d
                    controller.quorum.voters=%s
                    listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%d
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    log.dirs=%s
                    num.partitions=3
                    default.replication.factor=3
                    min.insync.replicas=2
                    offsets.topic.replication.factor=3
                    offsets.topic.num.partitions=3
                    transaction.state.log.replication.factor=3
                    transaction.state.log.min.isr=2
                    group.initial.rebalance.delay.ms=0
                    auto.create.topics.enable=false
                    log.cleaner.dedupe.buffer.size=2097152
                    """.formatted(id, voters, port, controllerPort, port,
                    dataDir.resolve("node-" + id).resolve("logs"));
        }

        private ProcessBuilder builder(String mainClass, String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            command.add("-Dlog4j.configuration=file:" + brokerHome.resolve("config/log4j.properties"));
            command.add("-Dlog4j2.configurationFile=" + brokerHome.resolve("config/log4j2.properties"));
            command.add("-Dkafka.logs.dir=" + logDir.resolve("kafka-" + id));
            command.add("-cp");
            command.add(brokerHome.resolve("lib") + "/*");
            command.add(mainClass);
            command.addAll(List.of(args));
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }

        synchronized void launch() {
            startedBefore = startedLines();
            try {
                process = builder("kafka.Kafka", config.toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name(), e);
            }
        }

        /** Up since its last launch: its port open and its log saying so. */
        void awaitStarted() {
            await(name() + " started (log: " + log + ")").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!isRunning()) {
                            throw new IllegalStateException(name() + " exited; see " + log);
                        }
                        return portOpen() && startedLines() > startedBefore;
                    });
        }

        /** Starts it again on its data, and waits for it. */
        void restart() {
            launch();
            awaitStarted();
        }

        synchronized boolean isRunning() {
            return process != null && process.isAlive();
        }

        /** {@code kill -9}: no controlled shutdown, no flush. */
        synchronized void kill() {
            if (process != null) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(30));
                process = null;
            }
        }

        synchronized void signalStop() {
            if (process != null) {
                process.destroy();
            }
        }

        synchronized void stop() {
            if (process != null) {
                process.destroy();
                if (!waitFor(Duration.ofSeconds(20))) {
                    process.destroyForcibly();
                    waitFor(Duration.ofSeconds(30));
                }
                process = null;
            }
        }

        private boolean waitFor(Duration timeout) {
            try {
                return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private boolean portOpen() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private long startedLines() {
            try (var lines = Files.lines(log)) {
                return lines.filter(line -> line.contains("Kafka Server started")).count();
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
