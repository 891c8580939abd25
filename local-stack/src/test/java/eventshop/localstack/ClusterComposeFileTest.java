package eventshop.localstack;

import eventshop.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.cluster.yml, the overlay that scales the shop out, checked against docker-compose.yml and the code:
 * three KRaft brokers that form one quorum, replication factor 3 and min.insync.replicas=2 for every shop topic and for
 * Kafka's internal ones, and a second instance of every back-end service that is configured exactly like the first
 * (same image, database, port inside its container and consumer groups) but publishes nothing to the host.
 * ({@code docker-compose -f docker-compose.yml -f docker-compose.cluster.yml config -q} checks the syntax.)
 */
class ClusterComposeFileTest {

    private static final Compose BASE = ComposeFileTest.COMPOSE;
    private static final Compose CLUSTER = Compose.load(ComposeFileTest.ROOT.resolve("docker-compose.cluster.yml"));
    private static final List<String> BROKERS = List.of("kafka", "kafka-2", "kafka-3");
    private static final String BOOTSTRAP = "kafka:9092,kafka-2:9092,kafka-3:9092";

    @Test
    void threeBrokersFormOneQuorumAndKeepThreeCopiesOfKafkasOwnTopics() {
        for (int i = 0; i < BROKERS.size(); i++) {
            String broker = BROKERS.get(i);
            Map<String, String> env = merged(broker);
            assertThat(env).as(broker)
                    .containsEntry("KAFKA_NODE_ID", String.valueOf(i + 1))
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker + ":9092")
                    .containsEntry("CLUSTER_ID", BASE.env("kafka").get("CLUSTER_ID"))
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        }
        for (String broker : List.of("kafka-2", "kafka-3")) {
            assertThat(CLUSTER.service(broker).get("image")).isEqualTo(BASE.service("kafka").get("image"));
            assertThat(CLUSTER.volumes(broker)).containsExactly(broker + "-data:/var/lib/kafka/data");
            assertThat(CLUSTER.healthcheckCommand(broker)).contains("--bootstrap-server localhost:9092");
        }
    }

    @Test
    void everyShopTopicIsCreatedWithThreeReplicasOfWhichTwoMustAcknowledge() {
        String script = ((List<?>) CLUSTER.service("kafka-init").get("command")).stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
        Map<String, Compose.TopicCreation> created = CLUSTER.topicCreations("kafka-init");
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.Spec::name)
                .toList());
        for (Topics.Spec spec : Topics.ALL) {
            assertThat(created.get(spec.name()))
                    .isEqualTo(new Compose.TopicCreation(spec.name(), spec.partitions(), spec.compacted()));
            String line = Arrays.stream(script.split("\n")).filter(l -> l.contains("--topic " + spec.name() + " "))
                    .findFirst().orElseThrow();
            assertThat(line).as(spec.name()).contains("--replication-factor 3").contains("--config min.insync.replicas=2");
        }
        assertThat(script).contains("--bootstrap-server " + BOOTSTRAP);
        assertThat(CLUSTER.dependsOn("kafka-init")).containsOnlyKeys(BROKERS)
                .allSatisfy((broker, condition) -> assertThat(condition).isEqualTo("service_healthy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-service", "inventory-notification-service", "audit-service"})
    void theSecondInstanceIsConfiguredLikeTheFirstAndReachesEveryBroker(String name) {
        String second = name + "-2";
        Map<String, String> first = merged(name);

        assertThat(first).containsEntry("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP)
                .containsEntry("EVENTSHOP_KAFKA_REPLICATION_FACTOR", "3");
        assertThat(CLUSTER.env(second)).isEqualTo(first);
        assertThat(CLUSTER.service(second).get("image")).isEqualTo(BASE.service(name).get("image"));
        assertThat(CLUSTER.ports(second)).as("only the first instance is published").isEmpty();
        assertThat(CLUSTER.healthcheckCommand(second)).isEqualTo(BASE.healthcheckCommand(name));
        assertThat(CLUSTER.dependsOn(second)).containsKeys(BROKERS.toArray(String[]::new))
                .containsEntry("kafka-init", "service_completed_successfully")
                .containsEntry("postgres", "service_healthy")
                .containsEntry(name, "service_healthy");
        assertThat(CLUSTER.dependsOn(name)).containsKeys(BROKERS.toArray(String[]::new));

        ComposeFileTest.ServiceModule module = ComposeFileTest.ServiceModule.of(ComposeFileTest.ROOT, name);
        assertThat(CLUSTER.env(second).keySet().stream().filter(variable -> !module.reads(variable)).toList())
                .as("variables set on %s that %s never reads", second, name).isEmpty();
    }

    @Test
    void theWebUiListensToEveryBroker() {
        assertThat(merged("web-ui")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP);
    }

    /** A service's environment after the overlay: the base file's, with the overlay's entries on top. */
    private static Map<String, String> merged(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        if (BASE.serviceNames().contains(name)) {
            env.putAll(BASE.env(name));
        }
        env.putAll(CLUSTER.env(name));
        return env;
    }
}
