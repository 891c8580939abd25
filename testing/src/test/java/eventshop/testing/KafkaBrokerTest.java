package eventshop.testing;

import eventshop.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTest {

    @Test
    void brokerCreatesEveryShopTopicWithItsPartitionsAndCompaction() throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    Topics.ALL.stream().map(Topics.Spec::name).toList()).allTopicNames().get();
            assertThat(topics).hasSize(Topics.ALL.size());
            topics.values().forEach(t -> assertThat(t.partitions()).hasSize(Topics.DEFAULT_PARTITIONS));
            ConfigResource catalog = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG);
            String policy = admin.describeConfigs(List.of(catalog)).all().get().get(catalog)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aRecordSentIsARecordRead() throws Exception {
        try (KafkaTestClient client = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher watcher = client.watch(List.of(Topics.DEADLETTER))) {
            client.sendRaw(Topics.DEADLETTER, "k", "hello".getBytes(StandardCharsets.UTF_8));
            await().until(() -> watcher.records().stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals("hello")));
        }
    }

    @Test
    void eachFreshDatabaseIsEmptyAndReal() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("testing");
        try (var c = DriverManager.getConnection(db.url(), db.username(), db.password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname='public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
