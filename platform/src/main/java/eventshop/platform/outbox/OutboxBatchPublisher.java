package eventshop.platform.outbox;

import eventshop.events.EventHeaders;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one batch of outbox rows in one transaction: lock, send all, wait for every acknowledgement, mark sent.
 * If the broker fails, the transaction rolls back and the rows stay for the next attempt: at-least-once delivery,
 * which consumers make harmless by being idempotent.
 */
@Singleton
public class OutboxBatchPublisher {

    private final OutboxRepository repository;
    private final Producer<String, byte[]> producer;
    private final OutboxConfiguration configuration;
    private final EventMetrics metrics;

    public OutboxBatchPublisher(OutboxRepository repository, @KafkaClient("outbox-relay") Producer<String, byte[]> producer,
                                OutboxConfiguration configuration, EventMetrics metrics) {
        this.repository = repository;
        this.producer = producer;
        this.configuration = configuration;
        this.metrics = metrics;
    }

    /** @return how many events were published; 0 when there was nothing to do or another relay holds the lock */
    @Transactional
    public int publishNextBatch() throws ExecutionException, InterruptedException, TimeoutException {
        if (!repository.tryRelayLock()) {
            return 0;
        }
        List<OutboxMessage> batch = repository.lockUnpublished(configuration.getBatchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(producer.send(toRecord(message)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(configuration.getAckTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        repository.markPublished(batch.stream().map(OutboxMessage::id).toList(), Instant.now());
        batch.forEach(message -> metrics.published(message.topic(), message.eventType()));
        return batch.size();
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.messageKey(),
                message.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, utf8(message.eventType()));
        record.headers().add(EventHeaders.EVENT_ID, utf8(message.eventId().toString()));
        if (message.correlationId() != null) {
            record.headers().add(EventHeaders.CORRELATION_ID, utf8(message.correlationId()));
        }
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
