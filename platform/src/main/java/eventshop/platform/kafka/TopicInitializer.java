package eventshop.platform.kafka;

import eventshop.events.Topics;
import io.micronaut.configuration.kafka.config.AbstractKafkaConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the shop's topics that are missing (partitions, compaction) before any client of this service starts, so
 * every run mode (tests, start.sh, compose) gets the same topics from the same definition in {@link Topics}.
 */
@Singleton
@Requires(property = "eventshop.kafka.create-topics", notEquals = "false")
public class TopicInitializer implements BeanCreatedEventListener<AbstractKafkaConfiguration<?, ?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

    private final String bootstrapServers;
    private final int replicationFactor;
    private volatile boolean attempted;

    /** @param bootstrapServers micronaut-kafka's own setting, read as it is: its beans are what this intercepts */
    public TopicInitializer(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                            TopicsConfiguration configuration) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = configuration.getReplicationFactor();
    }

    @Override
    public AbstractKafkaConfiguration<?, ?> onCreated(BeanCreatedEvent<AbstractKafkaConfiguration<?, ?>> event) {
        ensureTopics();
        return event.getBean();
    }

    /** Runs once per start-up: every Kafka configuration bean triggers it, but a broker that is down costs one wait. */
    public synchronized void ensureTopics() {
        if (attempted) {
            return;
        }
        attempted = true;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(spec -> !existing.contains(spec.name()))
                    .map(this::newTopic).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            // Not fatal: the broker may be down at start-up; the outbox keeps events until it is back.
            LOG.warn("Could not verify or create topics at {}: {}", bootstrapServers, e.toString());
        }
    }

    private NewTopic newTopic(Topics.Spec spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) replicationFactor);
        topic.configs(topicConfigs(spec, replicationFactor));
        return topic;
    }

    /**
     * Compaction where the spec asks for it; with replicas, {@code min.insync.replicas} one below the replication
     * factor, at most 2: with three replicas an acks=all write survives the loss of one broker and is refused (not
     * silently kept on one copy) when two are gone.
     */
    static Map<String, String> topicConfigs(Topics.Spec spec, int replicationFactor) {
        Map<String, String> configs = new java.util.HashMap<>();
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (replicationFactor > 1) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicationFactor - 1)));
        }
        return configs;
    }
}
