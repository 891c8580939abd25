package eventshop.audit;

import eventshop.audit.service.JournalMetrics;
import eventshop.events.EventCodec;
import eventshop.events.Topics;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A forced redelivery: the service journals, shuts down gracefully (committing what it journaled), the group's
 * offsets are then reset to the beginning, and a new instance with the same group and database receives every record
 * again. Nothing is journaled twice. Two application contexts in sequence, hence no @MicronautTest.
 */
class RedeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Every partition of every shop topic with records has the group's committed offset at its end. */
    private static boolean caughtUp(Admin admin, String group) throws Exception {
        List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(name -> name.matches(Topics.ALL_PATTERN)).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(topic ->
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .filter(end -> end.getValue().offset() > 0)
                .allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
    }

    @Test
    void recordsDeliveredAgainAfterAnOffsetResetAreNotJournaledTwice() throws Exception {
        Map<String, String> props = AuditTestSupport.properties(Map.of());
        String group = props.get("eventshop.audit.consumer-group");
        AuditTestSupport.Db db = AuditTestSupport.Db.of(props);
        UUID orderId = UUID.randomUUID();

        try (ApplicationContext first = ApplicationContext.run(new HashMap<String, Object>(props), "test");
             KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            EventCodec codec = first.getBean(EventCodec.class);
            for (int i = 0; i < 10; i++) {
                kafka.send(i % 2 == 0 ? Topics.ORDERS : Topics.INVENTORY, orderId + "-" + i,
                        TestEvents.placed(orderId, "redelivery", TestEvents.now()), codec);
            }
            await().atMost(PATIENCE).until(() -> db.count("order_id = ?", orderId) == 10);
            // Other test classes' records share the broker: the count below must not grow by what was merely late.
            try (Admin admin = KafkaBroker.shared().admin()) {
                await("the journal has caught up with every shop topic").atMost(PATIENCE).ignoreExceptions()
                        .until(() -> caughtUp(admin, group));
            }
        }
        long journaled = db.count("TRUE");

        try (Admin admin = KafkaBroker.shared().admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            // Graceful shutdown left the offsets past every record this order journaled.
            for (Map<String, Object> row : db.rows("SELECT topic, kafka_partition, kafka_offset FROM journal_entry "
                    + "WHERE order_id = ?", orderId)) {
                TopicPartition partition = new TopicPartition((String) row.get("topic"), (Integer) row.get("kafka_partition"));
                assertThat(committed.get(partition).offset()).isGreaterThan((Long) row.get("kafka_offset"));
            }
            Map<TopicPartition, OffsetAndMetadata> beginning = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest())))
                    .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, beginning).all().get(10, TimeUnit.SECONDS);
        }

        try (ApplicationContext second = ApplicationContext.run(new HashMap<String, Object>(props), "test");
             KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            JournalMetrics metrics = second.getBean(JournalMetrics.class);
            UUID marker = UUID.randomUUID();
            kafka.send(Topics.ORDERS, marker.toString(), TestEvents.placed(marker, "marker",
                    TestEvents.now()), second.getBean(EventCodec.class));

            // Every record journaled before came again, and each was recognised.
            await().atMost(PATIENCE).until(() -> metrics.total(JournalMetrics.DUPLICATES) >= journaled
                    && db.count("order_id = ?", marker) == 1);
            // At least once each: a rebalance of the pattern subscription may hand a batch over twice. The rows below
            // are the guarantee: nothing was journaled twice.
            assertThat(metrics.total(JournalMetrics.DUPLICATES)).isGreaterThanOrEqualTo(journaled);
            assertThat(db.count("TRUE")).isEqualTo(journaled + 1);
            assertThat(db.count("order_id = ?", orderId)).isEqualTo(10);
            List<Map<String, Object>> doubles = db.rows("SELECT event_id FROM journal_entry WHERE event_id IS NOT NULL"
                    + " AND NOT replayed GROUP BY event_id, topic HAVING count(*) > 1 AND event_id IN "
                    + "(SELECT event_id FROM journal_entry WHERE order_id = ?)", orderId);
            assertThat(doubles).isEmpty();
        }
    }
}
