package eventshop.benchmark;

import eventshop.events.Customer;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.Topics;
import io.micronaut.context.ApplicationContext;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code analytics-backlog}: the stream processor alone, over a backlog. Writes {@code orders} orders' worth of
 * {@code OrderPlaced} + {@code OrderConfirmed} envelopes (the shop's codec) to {@code shop.orders}, their event times
 * spaced as if placed at {@code rate} orders/s up to now (as many distinct timestamps as a live run, every minute within
 * the grace period), then starts analytics-service's jar under a fresh application id and times it from its first
 * committed offset until its committed offsets reach the end of {@code shop.orders}. Prints input records/s, the
 * process's CPU ms per input record over that span (start-up left out) and the records its internal topics received
 * per input record (end offsets, transaction markers included).
 */
final class AnalyticsBacklog {

    private static final Customer SHOPPER = new Customer("Backlog Shopper", "backlog@example.com");
    private static final List<String> SKUS = List.of("BL-ESP", "BL-LAT", "BL-CAP", "BL-AME", "BL-MOC");
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private final String bootstrap;
    private final Admin admin;
    private final String applicationId = "analytics-backlog-" + UUID.randomUUID().toString().substring(0, 8);

    private AnalyticsBacklog(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Counters.admin(bootstrap);
    }

    static void run(String bootstrap, int orders, double rate, Path jar, String javaOptions) throws Exception {
        AnalyticsBacklog backlog = new AnalyticsBacklog(bootstrap);
        try {
            backlog.createMissingTopics();
            backlog.write(orders, rate);
            backlog.time(jar, javaOptions);
        } finally {
            backlog.admin.close();
        }
    }

    private void createMissingTopics() throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = Topics.ALL.stream().filter(spec -> !existing.contains(spec.name()))
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.compacted()
                        ? Map.of("cleanup.policy", "compact") : Map.of()))
                .toList();
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    }

    private void write(int orders, double rate) throws Exception {
        EventCodec codec;
        try (ApplicationContext context = ApplicationContext.run()) {
            codec = context.getBean(EventCodec.class);
        }
        Instant first = Instant.now().minusMillis((long) (orders * 1000 / rate));
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < orders; i++) {
                UUID order = UUID.randomUUID();
                List<OrderLine> lines = lines(i);
                BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
                Instant placedAt = first.plusMillis((long) (i * 1000 / rate));
                send(producer, codec, order, new OrderPlaced(SHOPPER, lines, total, "EUR"), placedAt);
                send(producer, codec, order, new OrderConfirmed(SHOPPER, total, "EUR"), placedAt.plusMillis(7));
            }
            producer.flush();
        }
        Benchmark.progress(String.format(Locale.ROOT, "backlog: %d orders (%d records) written in %.1f s", orders,
                2 * orders, (System.nanoTime() - started) / 1e9));
    }

    /** One or (every fourth order) two lines over a handful of products, as the shop's orders look. */
    private static List<OrderLine> lines(int i) {
        OrderLine line = new OrderLine(SKUS.get(i % SKUS.size()), "Product " + i % SKUS.size(),
                new BigDecimal("2.50"), 1 + i % 3);
        if (i % 4 != 0) {
            return List.of(line);
        }
        int next = (i + 1) % SKUS.size();
        return List.of(line, new OrderLine(SKUS.get(next), "Product " + next, new BigDecimal("3.10"), 1));
    }

    private static void send(KafkaProducer<String, byte[]> producer, EventCodec codec, UUID order,
                             eventshop.events.DomainEvent data, Instant occurredAt) {
        EventEnvelope made = EventEnvelope.of(data, order, "backlog-" + order, "orders-service");
        EventEnvelope envelope = new EventEnvelope(made.eventId(), made.type(), made.version(), occurredAt,
                made.orderId(), made.correlationId(), made.source(), made.data());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDERS, order.toString(),
                codec.encode(envelope));
        record.headers().add(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private void time(Path jar, String javaOptions) throws Exception {
        long input = Counters.endOffsets(admin, Topics.ORDERS::equals);
        Path stateDir = Files.createTempDirectory("analytics-backlog-state");
        Path log = Files.createTempFile("analytics-backlog-", ".log");
        Process service = start(jar, javaOptions, stateDir, log);
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long started = System.nanoTime();
            long firstDone = 0;
            long firstAt = 0;
            long firstCpu = 0;
            long done = 0;
            while (done < input) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("analytics-service stopped or stalled at " + done + " of " + input
                            + " records; its log: " + log);
                }
                TimeUnit.MILLISECONDS.sleep(100);
                done = committed();
                if (done > 0 && firstAt == 0) {
                    firstAt = System.nanoTime();
                    firstCpu = cpuMillis(service);
                    firstDone = done;
                }
            }
            double seconds = (System.nanoTime() - firstAt) / 1e9;
            long records = input - firstDone;
            long cpu = cpuMillis(service) - firstCpu;
            long internal = Counters.endOffsets(admin, topic -> topic.startsWith(applicationId + "-"));
            System.out.printf(Locale.ROOT, "start to first commit: %.1f s, %d CPU ms%n",
                    (firstAt - started) / 1e9, firstCpu);
            System.out.printf(Locale.ROOT, "analytics-service over a backlog of %d input records: %.0f records/s, "
                    + "%.3f CPU ms per input record, %.2f internal records per input record%n", input,
                    records / seconds, cpu / (double) records, internal / (double) input);
            printInternalTopics();
            Files.deleteIfExists(log); // kept when the run fails: the message names it
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
            deleteRecursively(stateDir);
        }
    }

    private Process start(Path jar, String javaOptions, Path stateDir, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : javaOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-Dkafka.bootstrap.servers=" + bootstrap,
                "-Deventshop.analytics.application-id=" + applicationId,
                "-Deventshop.analytics.state-dir=" + stateDir,
                // Any free port: the benchmark must not collide with a running stack.
                "-Dmicronaut.server.port=-1", "-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Input records the service committed as processed: its group's offsets on shop.orders. */
    private long committed() throws Exception {
        return Counters.committedOffsets(admin, applicationId, Topics.ORDERS::equals);
    }

    private void printInternalTopics() throws Exception {
        List<String> internal = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(topic -> topic.startsWith(applicationId + "-")).sorted().collect(Collectors.toList());
        for (String topic : internal) {
            System.out.printf(Locale.ROOT, "  %-55s %8d%n", topic.substring(applicationId.length() + 1),
                    Counters.endOffsets(admin, topic::equals));
        }
    }

    private static long cpuMillis(Process process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static void deleteRecursively(Path dir) {
        File[] children = dir.toFile().listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child.toPath());
            }
        }
        dir.toFile().delete();
    }
}
