package eventshop.cli;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A reader of topics that belongs to no consumer group: it is assigned every partition itself, commits nothing, and
 * so never takes partitions from (or shows up as lag beside) the services' own groups.
 */
final class KafkaReading {

    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private KafkaReading() {
    }

    static Properties clientProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("client.id", "eventshop-cli");
        // A missing broker must be an error within seconds, not endless retries.
        props.put("request.timeout.ms", "5000");
        props.put("default.api.timeout.ms", "10000");
        props.put("reconnect.backoff.max.ms", "2000");
        return props;
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties props = clientProperties(bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** Every partition of the given topics; a topic that does not exist is an error naming it. */
    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, Collection<String> topics) {
        Map<String, List<PartitionInfo>> all = consumer.listTopics(METADATA_TIMEOUT);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = all.get(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("no topic '" + topic + "' on the brokers; topics: "
                        + all.keySet().stream().filter(t -> !t.startsWith("__")).sorted().toList());
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    /** The shop's topics (shop.*) that exist now. */
    static List<String> shopTopics(KafkaConsumer<?, ?> consumer) {
        return consumer.listTopics(METADATA_TIMEOUT).keySet().stream().filter(t -> t.startsWith("shop.")).sorted()
                .toList();
    }
}
