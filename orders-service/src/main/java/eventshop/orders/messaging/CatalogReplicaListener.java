package eventshop.orders.messaging;

import eventshop.events.Topics;
import eventshop.orders.service.CatalogReplica;
import eventshop.platform.messaging.IncomingEvents;
import io.micronaut.configuration.kafka.ConsumerSeekAware;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.seek.KafkaSeekOperation;
import io.micronaut.configuration.kafka.seek.KafkaSeeker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Keeps the catalog replica in step with the compacted shop.catalog topic. Every assignment starts from the beginning
 * of the partition: the topic, not this database, is the source of truth, so a fresh or restored database is rebuilt
 * whatever offsets the group committed before. Snapshots are upserts, so reading one twice is harmless.
 */
@KafkaListener(groupId = "${eventshop.orders.catalog-group}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "200ms"))
public class CatalogReplicaListener implements ConsumerSeekAware {

    static final String CONSUMER = "orders-catalog-replica";

    private final IncomingEvents incoming;
    private final CatalogReplica replica;

    public CatalogReplicaListener(IncomingEvents incoming, CatalogReplica replica) {
        this.incoming = incoming;
        this.replica = replica;
    }

    @Topic(Topics.CATALOG)
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null && record.key() != null) {
            replica.remove(record.key());
            return;
        }
        incoming.handleEvery(record, CONSUMER, replica::apply);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions, KafkaSeeker seeker) {
        KafkaSeekOperation.seekToBeginning(partitions).forEach(seeker::perform);
    }
}
