package eventshop.audit.messaging;

import eventshop.audit.domain.StoredHeader;
import eventshop.audit.persistence.JournalRecord;
import eventshop.events.EventHeaders;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Republishes journaled records exactly as they were (same key, same bytes, same headers, so the same event id) plus
 * the header {@code replayed: true}. Consumers recognise the event id and skip it unless they never applied it.
 * Waits for the broker's acknowledgement of every record (acks=all), so a reply means they are on the topics.
 */
@Singleton
public class ReplayPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);

    private final Producer<byte[], byte[]> producer;

    public ReplayPublisher(@KafkaClient("audit-replay") Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    public void publish(List<JournalRecord> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (JournalRecord record : records) {
            acks.add(producer.send(toProducerRecord(record)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the replay: " + e.getMessage(), e);
        }
    }

    private static ProducerRecord<byte[], byte[]> toProducerRecord(JournalRecord record) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(record.topic(), record.key().toBytes(),
                record.value().toBytes());
        for (StoredHeader header : record.headers()) {
            if (!EventHeaders.REPLAYED.equals(header.name())) {
                out.headers().add(header.name(), header.valueBytes());
            }
        }
        out.headers().add(EventHeaders.REPLAYED, TRUE);
        return out;
    }
}
