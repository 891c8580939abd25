package eventshop.testing;

import eventshop.events.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in the test JVM, on random ports, with every
 * shop topic created as the services expect. One per JVM: {@link #shared()} starts it on first use.
 */
public final class KafkaBroker implements AutoCloseable {

    private static KafkaBroker shared;

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final List<Runnable> beforeShutdown = new java.util.concurrent.CopyOnWriteArrayList<>();

    private KafkaBroker() {
        try {
            dataDir = Files.createTempDirectory("eventshop-kafka-");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = brokerProperties(brokerPort, controllerPort);
            Path config = dataDir.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(config)) {
                props.store(writer, "event-shop test broker");
            }
            format(config);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            bootstrapServers = "127.0.0.1:" + brokerPort;
            createTopics(Topics.ALL);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker's directory", e);
        }
    }

    /** The broker of this JVM, started on first call; stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = new KafkaBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown, "kafka-broker-shutdown"));
        }
        return shared;
    }

    /**
     * Work to finish before the broker stops when the JVM exits, such as stopping service processes that use it:
     * JVM shutdown hooks run concurrently, so a separate hook could find the broker already gone.
     */
    public void beforeShutdown(Runnable task) {
        beforeShutdown.add(task);
    }

    private void shutdown() {
        for (Runnable task : beforeShutdown) {
            try {
                task.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        close();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topics that do not exist yet, with their partitions and compaction. */
    public void createTopics(List<Topics.Spec> specs) {
        try (Admin admin = admin()) {
            for (Topics.Spec spec : specs) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + spec.name(), e);
                    }
                }
            }
            // The controller acknowledges creation before the broker serves the topics' metadata; wait for that.
            List<String> names = specs.stream().map(Topics.Spec::name).toList();
            org.awaitility.Awaitility.await("topics served by the broker").atMost(java.time.Duration.ofSeconds(30))
                    .ignoreExceptions().until(() -> admin.describeTopics(names).allTopicNames()
                            .get(5, TimeUnit.SECONDS).size() == names.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    @Override
    public synchronized void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(dataDir);
    }

    private Properties brokerProperties(int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("num.partitions", String.valueOf(Topics.DEFAULT_PARTITIONS));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        // Kafka Streams (analytics, exactly_once_v2) is the one transactional client: 3 partitions start faster than 50.
        props.put("transaction.state.log.num.partitions", "3");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // The default 128 MB dedupe buffer is most of the broker's heap; tests compact very little.
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        return props;
    }

    private static void format(Path config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
