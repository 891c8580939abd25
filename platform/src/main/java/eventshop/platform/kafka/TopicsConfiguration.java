package eventshop.platform.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code eventshop.kafka.*}: the replicas of each shop topic {@link TopicInitializer} creates (and of Kafka Streams'
 * internal topics): 1 for one broker; 3 for a three-broker cluster ({@code ./start.sh --brokers 3},
 * docker-compose.cluster.yml), which also gets {@code min.insync.replicas=2}.
 */
@ConfigurationProperties("eventshop.kafka")
public class TopicsConfiguration {

    private int replicationFactor = 1;

    public int getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(int replicationFactor) {
        this.replicationFactor = replicationFactor;
    }
}
