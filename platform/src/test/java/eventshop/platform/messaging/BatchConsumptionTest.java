package eventshop.platform.messaging;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.StockReplenished;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch consumption on the real broker and PostgreSQL, through a listener shaped like the services'
 * ({@link BatchProbeListener}). Each test writes its records to a fresh one-partition topic in one producer batch,
 * which the broker stores and hands out as one unit, so they arrive together in one poll: the batch the test means is
 * the batch the listener gets (each test checks that too).
 */
class BatchConsumptionTest {

    private final Map<String, String> properties = new HashMap<>();
    private TestPostgres.Database database;
    private String topic;
    private KafkaTestClient kafka;
    private KafkaTestClient.TopicWatcher deadLetters;
    private ApplicationContext context;
    private final List<ProducerRecord<String, byte[]>> pending = new ArrayList<>();

    @BeforeEach
    void freshTopicAndDatabase() {
        topic = "platform-test.batch-" + UUID.randomUUID();
        KafkaBroker.shared().createTopics(List.of(new Topics.Spec(topic, 1, false)));
        properties.putAll(TestInfrastructure.properties("platform_batch"));
        properties.put(BatchProbeListener.ENABLED, "true");
        properties.put("test.batch-probe.topic", topic);
        properties.put("test.batch-probe.group", "platform-test-batch-" + UUID.randomUUID());
        properties.put("datasources.default.connection-timeout", "1000");
        // The PostgreSQL server is shared (max_connections); a poll needs one connection.
        properties.put("datasources.default.maximum-pool-size", "3");
        database = TestPostgres.Database.of(properties);
        // Outside the public schema, which Flyway wants to find empty.
        database.execute("CREATE SCHEMA probe");
        database.execute("CREATE TABLE probe.applied_event (record_key TEXT NOT NULL)");
        kafka = KafkaTestClient.forSharedBroker();
        deadLetters = kafka.watch(List.of(Topics.DEADLETTER));
    }

    @AfterEach
    void stop() throws InterruptedException {
        BatchProbeListener.sabotage = BatchProbeListener.NO_SABOTAGE;
        if (context != null) {
            context.close();
        }
        deadLetters.close();
        kafka.close();
    }

    @Test
    void aBatchHoldingADuplicateEventAppliesItOnce() {
        EventEnvelope twice = event("dup-a");
        send("dup-a", twice);
        send("dup-b", event("dup-b"));
        send("dup-a", twice);
        send("dup-c", event("dup-c"));

        publish();
        BatchProbeListener probe = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() == 3);

        assertThat(probe.polls).as("all four records came in one poll").contains(List.of("dup-a", "dup-b", "dup-a",
                "dup-c"));
        assertThat(appliedCount("dup-a")).isOne();
        assertThat(appliedCount("dup-b")).isOne();
        assertThat(appliedCount("dup-c")).isOne();
        assertThat(context.getBean(EventMetrics.class).total(EventMetrics.DUPLICATES)).isEqualTo(1);
        assertThat(database.queryLong("SELECT count(*) FROM processed_event WHERE consumer = ?",
                BatchProbeListener.CONSUMER)).isEqualTo(3);
    }

    @Test
    void aPoisonRecordInTheMiddleIsDeadLetteredAndItsNeighboursAreAppliedOnce() {
        byte[] garbage = {(byte) 0xFF, 'n', 'o', 'p', 'e'};
        EventEnvelope refused = event("unprocessable-" + UUID.randomUUID());
        send("poison-1", event("poison-1"));
        send("poison-2", event("poison-2"));
        sendRaw("poison-garbage", garbage);
        send("poison-refused", refused);
        send("poison-3", event("poison-3"));

        publish();
        BatchProbeListener probe = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() == 3
                && letter("poison-garbage") != null && letter("poison-refused") != null);

        assertThat(probe.polls).as("all five records came in one poll").contains(List.of("poison-1", "poison-2",
                "poison-garbage", "poison-refused", "poison-3"));
        assertThat(List.of("poison-1", "poison-2", "poison-3")).allSatisfy(key ->
                assertThat(appliedCount(key)).as(key).isOne());
        assertThat(letter("poison-garbage").value()).isEqualTo(garbage);
        assertThat(header(letter("poison-garbage"), EventHeaders.DLT_SOURCE_OFFSET)).isEqualTo("2");
        assertThat(header(letter("poison-refused"), EventHeaders.DLT_ERROR)).startsWith("no such product");
        assertThat(header(letter("poison-refused"), EventHeaders.DLT_CONSUMER_GROUP))
                .isEqualTo(BatchProbeListener.CONSUMER);
        assertThat(deadLetters.records().stream().filter(r -> topic.equals(header(r, EventHeaders.DLT_SOURCE_TOPIC))))
                .as("each poison record dead-lettered once").hasSize(2);
        assertThat(database.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", refused.eventId()))
                .as("a refused event is not remembered as processed, so a replay of it is applied").isZero();
        awaitCommittedOffset(5);
    }

    @Test
    void aBatchWhoseConnectionIsKilledMidwayIsRetriedWholeWithNoDoubleEffect() throws SQLException {
        List<String> keys = List.of("kill-1", "kill-2", "kill-3", "kill-4", "kill-5", "kill-6");
        keys.forEach(key -> send(key, event(key)));

        AtomicInteger applying = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            BatchProbeListener.sabotage = connection -> {
                // The fourth event of the first attempt: three are applied in the open transaction, then it dies.
                if (applying.incrementAndGet() == 4 && killed.compareAndSet(false, true)) {
                    terminate(statement, connection);
                }
            };
            publish();
            BatchProbeListener probe = start();
            await().atMost(Duration.ofSeconds(60)).until(() -> applied() == keys.size());

            assertThat(killed).isTrue();
            assertThat(probe.polls.get(0)).as("one poll").isEqualTo(keys);
            assertThat(probe.polls).as("the failed poll was handed over again, whole").element(1).isEqualTo(keys);
        }
        assertThat(keys).allSatisfy(key -> assertThat(appliedCount(key)).as(key).isOne());
        assertThat(context.getBean(EventMetrics.class).total(EventMetrics.FAILED)).isPositive();
        assertThat(deadLetters.records().stream().filter(r -> topic.equals(header(r, EventHeaders.DLT_SOURCE_TOPIC))))
                .as("a transient failure is never dead-lettered").isEmpty();
        awaitCommittedOffset(keys.size());
        await().until(() -> !context.getBean(ConsumerHealth.class).isDegraded(BatchProbeListener.CONSUMER));
    }

    @Test
    void whileTheDatabaseIsAwayTheConsumerWaitsDegradedAndResumesByItselfWithoutDeadLetters() throws SQLException {
        send("warm-up", event("warm-up"));
        publish();
        start();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() == 1);
        String name = databaseName();
        List<String> keys = List.of("away-1", "away-2", "away-3");
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
            try {
                statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + name + "'").close();
                keys.forEach(key -> send(key, event(key)));
                publish();
                ConsumerHealth health = context.getBean(ConsumerHealth.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> health.isDegraded(BatchProbeListener.CONSUMER)
                        && context.getBean(EventMetrics.class).total(EventMetrics.FAILED) >= 3);
                HealthResult result = health.current();
                assertThat(result.getStatus()).isEqualTo(ConsumerHealth.DEGRADED);
                assertThat(result.getStatus().getOperational()).hasValue(true);
                assertThat(((Map<?, ?>) result.getDetails()).containsKey(BatchProbeListener.CONSUMER)).isTrue();
            } finally {
                statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> applied() == 1 + keys.size());
        assertThat(keys).allSatisfy(key -> assertThat(appliedCount(key)).as(key).isOne());
        assertThat(deadLetters.records().stream().filter(r -> topic.equals(header(r, EventHeaders.DLT_SOURCE_TOPIC))))
                .as("however long it took, nothing was dead-lettered").isEmpty();
        await().until(() -> context.getBean(ConsumerHealth.class).current().getStatus()
                .equals(HealthStatus.UP));
    }

    @Test
    void aPoisonRecordWhoseDeadLetterCannotBeSentIsNotSkipped() {
        // A dead-letter producer that reaches no broker: every dead letter fails.
        properties.put("kafka.producers.dead-letter.bootstrap.servers", "127.0.0.1:9");
        properties.put("kafka.producers.dead-letter.max.block.ms", "200");
        send("stuck-1", event("stuck-1"));
        sendRaw("stuck-garbage", new byte[]{1, 2, 3});
        send("stuck-2", event("stuck-2"));

        publish();
        BatchProbeListener probe = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.polls.size() >= 3
                && context.getBean(ConsumerHealth.class).isDegraded(BatchProbeListener.CONSUMER));

        assertThat(probe.polls).as("the poll is handed over again and again, never past the poison record")
                .allSatisfy(poll -> assertThat(poll).contains("stuck-garbage"));
        assertThat(committedOffset()).as("nothing committed past the poison record").isNull();
        // the neighbours were committed with the first attempt; the retries found them processed
        assertThat(appliedCount("stuck-1")).isOne();
        assertThat(appliedCount("stuck-2")).isOne();
    }

    @Test
    void aBacklogIsConsumedInLargePollsEachEventOnce() {
        int events = 3000;
        for (int i = 0; i < events; i++) {
            send("backlog-" + i, event("backlog-" + i));
        }
        publish();

        long started = System.nanoTime();
        BatchProbeListener probe = start();
        await().atMost(Duration.ofSeconds(120)).until(() -> applied() == events);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("BatchConsumptionTest: %d events applied in %d polls in %.2f s (%.0f events/s)%n", events,
                probe.polls.size(), seconds, events / seconds);
        assertThat(probe.polls.stream().mapToInt(List::size).max().orElse(0)).as("records per poll").isGreaterThan(100);
        assertThat(database.queryLong("SELECT count(DISTINCT record_key) FROM probe.applied_event")).isEqualTo(events);
        awaitCommittedOffset(events);
    }

    /** Starts the service with the probe paused. */
    private void startPaused() {
        context = ApplicationContext.builder().properties(new HashMap<>(properties)).environments("test").start();
    }

    /** Lets the probe consume what was sent. */
    private BatchProbeListener start() {
        if (context == null) {
            startPaused();
        }
        context.getBean(ConsumerRegistry.class).resume(BatchProbeListener.CLIENT_ID);
        return context.getBean(BatchProbeListener.class);
    }

    private void send(String key, EventEnvelope event) {
        if (context == null) {
            startPaused();
        }
        pending.add(new ProducerRecord<>(topic, key, context.getBean(EventCodec.class).encode(event)));
    }

    private void sendRaw(String key, byte[] value) {
        pending.add(new ProducerRecord<>(topic, key, value));
    }

    /** Sends what {@link #send} collected as one producer batch, and waits until the broker has it. */
    private void publish() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 500_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            pending.forEach(record -> acks.add(producer.send(record)));
            producer.flush();
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the test's records", e);
        }
        pending.clear();
    }

    private static EventEnvelope event(String sku) {
        return EventEnvelope.of(new StockReplenished(sku, 1, 1), null, "corr-" + sku, "platform-test");
    }

    private long applied() {
        return database.queryLong("SELECT count(*) FROM probe.applied_event");
    }

    private long appliedCount(String key) {
        return database.queryLong("SELECT count(*) FROM probe.applied_event WHERE record_key = ?", key);
    }

    private ConsumerRecord<String, byte[]> letter(String key) {
        return deadLetters.records().stream().filter(r -> key.equals(r.key())
                && topic.equals(header(r, EventHeaders.DLT_SOURCE_TOPIC))).findFirst().orElse(null);
    }

    private Long committedOffset() {
        try {
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = KafkaBroker.shared().admin()
                    .listConsumerGroupOffsets(properties.get("test.batch-probe.group"))
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = offsets.get(new org.apache.kafka.common.TopicPartition(topic, 0));
            return offset == null ? null : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitCommittedOffset(long offset) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(offset).equals(committedOffset()));
    }

    private String databaseName() {
        String url = database.url();
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private Connection adminConnection() throws SQLException {
        String url = database.url();
        return java.sql.DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                database.username(), database.password());
    }

    /** Kills the backend behind {@code victim} from another session, as a database restart or failover would. */
    private static void terminate(Statement admin, Connection victim) {
        try (Statement own = victim.createStatement(); ResultSet pid = own.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            admin.executeQuery("SELECT pg_terminate_backend(" + pid.getInt(1) + ")").close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot kill the poll's connection", e);
        }
    }
}
