package eventshop.platform.messaging;

import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter channel: the original bytes and headers, plus headers naming where the record came from and why it
 * could not be processed. Sent synchronously, so the consumer commits past a poison record only once it is parked.
 */
@Singleton
public class DeadLetterPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Producer<String, byte[]> producer;
    private final EventMetrics metrics;

    public DeadLetterPublisher(@KafkaClient("dead-letter") Producer<String, byte[]> producer, EventMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    public void publish(ConsumerRecord<String, byte[]> original, String consumerGroup, Throwable error) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEADLETTER, original.key(), original.value());
        for (Header header : original.headers()) {
            record.headers().add(header);
        }
        String message = String.valueOf(error.getMessage());
        record.headers()
                .add(EventHeaders.DLT_SOURCE_TOPIC, utf8(original.topic()))
                .add(EventHeaders.DLT_SOURCE_PARTITION, utf8(String.valueOf(original.partition())))
                .add(EventHeaders.DLT_SOURCE_OFFSET, utf8(String.valueOf(original.offset())))
                .add(EventHeaders.DLT_CONSUMER_GROUP, utf8(consumerGroup))
                .add(EventHeaders.DLT_ERROR, utf8(message.length() > MAX_ERROR_LENGTH
                        ? message.substring(0, MAX_ERROR_LENGTH) : message));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter " + original.topic() + "/" + original.partition()
                    + "@" + original.offset(), e);
        }
        metrics.deadLettered(original.topic());
        LOG.warn("Dead-lettered {}/{}@{} (group {}): {}", original.topic(), original.partition(), original.offset(),
                consumerGroup, message);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
