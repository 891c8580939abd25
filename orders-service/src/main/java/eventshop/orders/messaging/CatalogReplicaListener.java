package eventshop.orders.messaging;

import eventshop.events.EventEnvelope;
import eventshop.events.Topics;
import eventshop.orders.service.CatalogReplica;
import eventshop.platform.messaging.EventHandler;
import eventshop.platform.messaging.IncomingEvents;
import eventshop.platform.messaging.Listeners;
import io.micronaut.configuration.kafka.ConsumerSeekAware;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.seek.KafkaSeekOperation;
import io.micronaut.configuration.kafka.seek.KafkaSeeker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;

/**
 * Keeps the catalog replica in step with the compacted shop.catalog topic. Every assignment starts from the beginning
 * of the partition: the topic, not this database, is the source of truth, so a fresh or restored database is rebuilt
 * whatever offsets the group committed before. Snapshots are upserts, so reading one twice is harmless.
 */
@KafkaListener(groupId = CatalogReplicaListener.GROUP, batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Listeners.RETRY_FOREVER, retryDelay = Listeners.RETRY_DELAY))
public class CatalogReplicaListener implements ConsumerSeekAware, EventHandler {

    static final String GROUP = "orders-catalog-replica";

    private final IncomingEvents incoming;
    private final CatalogReplica replica;

    public CatalogReplicaListener(IncomingEvents incoming, CatalogReplica replica) {
        this.incoming = incoming;
        this.replica = replica;
    }

    @Topic(Topics.CATALOG)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer) {
        incoming.handleLatestPerKey(records, kafkaConsumer, GROUP, this);
    }

    @Override
    public void apply(EventEnvelope event) {
        replica.apply(event);
    }

    @Override
    public void tombstone(String sku) {
        replica.remove(sku);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions, KafkaSeeker seeker) {
        KafkaSeekOperation.seekToBeginning(partitions).forEach(seeker::perform);
    }
}
