package eventshop.analytics.messaging;

import eventshop.analytics.AnalyticsConfiguration;
import eventshop.events.EventCodec;
import eventshop.platform.kafka.TopicsConfiguration;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonObjectSerializer;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the topology and the {@link KafkaStreams} that runs it (micronaut-kafka-streams is not available here, so
 * this factory and {@link StreamsLifecycle} do its job). Started and closed by {@link StreamsLifecycle}.
 */
@Factory
class StreamsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsFactory.class);

    @Singleton
    SalesTopology salesTopology(EventCodec codec, JsonObjectSerializer json, AnalyticsConfiguration configuration,
                                EventMetrics metrics, ApplicationConfiguration application) {
        return new SalesTopology(codec, json, configuration, metrics, application.getName().orElseThrow());
    }

    @Singleton
    KafkaStreams kafkaStreams(SalesTopology salesTopology, AnalyticsConfiguration configuration,
                              DeadLetters deadLetters, @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                              TopicsConfiguration topics) {
        Map<String, Object> properties = properties(configuration, bootstrapServers, topics.getReplicationFactor());
        properties.put(DeadLetteringDeserializationHandler.DEAD_LETTERS, deadLetters);
        Topology topology = salesTopology.build();
        LOG.info("Sales topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, new StreamsConfig(properties));
        // A failure the handlers above let through (a dead letter that could not be written, a broker error) ends one
        // attempt, not the processor: a new stream thread takes over and resumes from the last committed transaction.
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stream thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    /** The Kafka Streams settings, apart from the dead-letter channel (an object, handed over at run time). */
    static Map<String, Object> properties(AnalyticsConfiguration configuration, String bootstrapServers,
                                          int replicationFactor) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, configuration.getApplicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Reading, updating the stores' changelogs, writing shop.sales and committing offsets are one Kafka
        // transaction: a crash or restart never counts an event twice nor loses one.
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, configuration.getCommitInterval().toMillis());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, configuration.getThreads());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, configuration.getStateDir());
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        // A shop's figures are small: stores in memory, rebuilt from their changelog topics at start, no native RocksDB.
        properties.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        properties.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationHandler.class);
        properties.put(StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringProductionHandler.class);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A stopped instance does not leave its group; a restarted one waits for the session to time out before it
        // gets its partitions back. 10 s like every other consumer of the shop, instead of Kafka Streams' 45 s.
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        return properties;
    }
}
