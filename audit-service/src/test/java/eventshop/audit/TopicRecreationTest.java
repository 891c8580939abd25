package eventshop.audit;

import eventshop.audit.messaging.Journal;
import eventshop.events.EventCodec;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A topic deleted and created again under the same name starts again at offset 0, as every topic does on a new broker
 * (a wiped {@code local-stack/data}, a new Kafka volume, a second checkout sharing the database). Its records are new
 * records, not redeliveries: the journal keeps both generations, told apart by the topic's id.
 */
class TopicRecreationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String topic = "shop.test-recreated-" + UUID.randomUUID();

    @AfterEach
    void deleteTopic() throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void recordsOfARecreatedTopicAreJournaledNotTakenForRedeliveries() throws Exception {
        Map<String, String> props = AuditTestSupport.properties(Map.of());
        AuditTestSupport.Db db = AuditTestSupport.Db.of(props);
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker(); Admin admin = KafkaBroker.shared().admin()) {
            create(admin);
            try (ApplicationContext audit = ApplicationContext.run(new HashMap<String, Object>(props), "test")) {
                send(kafka, before, audit.getBean(EventCodec.class));
                await().atMost(PATIENCE).until(() -> db.count("order_id = ?", before) == 3);
            }

            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            await("topic gone").atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
            create(admin);

            // The same database, and a group with no offsets yet, as after a move to a new broker.
            props.put("eventshop.audit.consumer-group", "audit-test-" + UUID.randomUUID());
            try (ApplicationContext audit = ApplicationContext.run(new HashMap<String, Object>(props), "test")) {
                send(kafka, after, audit.getBean(EventCodec.class));
                await().atMost(PATIENCE).until(() -> db.count("order_id = ?", after) == 3);
            }
        }
        // The same coordinates twice, under two topic ids.
        assertThat(db.count("topic = ?", topic)).isEqualTo(6);
        assertThat(db.rows("SELECT DISTINCT topic_id FROM journal_entry WHERE topic = ?", topic)).hasSize(2);
        assertThat(db.rows("SELECT kafka_offset FROM journal_entry WHERE topic = ? GROUP BY kafka_partition, "
                + "kafka_offset HAVING count(*) = 2", topic)).hasSize(3);
    }

    @Test
    void aTopicRecreatedWhileTheJournalRunsIsAskedForItsNewIdRatherThanTakenForARedelivery() throws Exception {
        Map<String, String> props = AuditTestSupport.properties(Map.of());
        AuditTestSupport.Db db = AuditTestSupport.Db.of(props);
        try (Admin admin = KafkaBroker.shared().admin();
             ApplicationContext audit = ApplicationContext.run(new HashMap<String, Object>(props), "test")) {
            Journal journal = audit.getBean(Journal.class);
            EventCodec codec = audit.getBean(EventCodec.class);
            create(admin);
            Journal.Appended first = journal.append(records(UUID.randomUUID(), codec), Instant.now());
            assertThat(first.inserted()).containsOnly(true);

            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            await("topic gone").atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
            create(admin);
            // The journal still remembers the first topic's id; the same coordinates come again from the new topic.
            Journal.Appended second = journal.append(records(UUID.randomUUID(), codec), Instant.now());

            assertThat(second.inserted()).containsOnly(true);
            assertThat(second.records().get(0).topicId()).isNotEqualTo(first.records().get(0).topicId());
            // A real redelivery of the new topic's records is still recognised.
            assertThat(journal.append(records(UUID.randomUUID(), codec), Instant.now()).inserted()).containsOnly(false);
        }
        assertThat(db.count("topic = ?", topic)).isEqualTo(6);
    }

    private List<ConsumerRecord<byte[], byte[]>> records(UUID orderId, EventCodec codec) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            records.add(new ConsumerRecord<>(topic, 0, offset, orderId.toString().getBytes(StandardCharsets.UTF_8),
                    codec.encode(TestEvents.placed(orderId, "recreated", TestEvents.now()))));
        }
        return records;
    }

    private void send(KafkaTestClient kafka, UUID orderId, EventCodec codec) {
        for (int i = 0; i < 3; i++) {
            kafka.send(topic, orderId.toString(), TestEvents.placed(orderId, "recreated", TestEvents.now()), codec);
        }
    }

    private void create(Admin admin) throws Exception {
        // One partition: both generations' records land on the same offsets 0, 1, 2.
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        await("topic served").atMost(PATIENCE).ignoreExceptions().until(() -> admin.describeTopics(Set.of(topic))
                .allTopicNames().get(5, TimeUnit.SECONDS).containsKey(topic));
    }
}
