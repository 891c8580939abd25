package eventshop.analytics.messaging;

import eventshop.analytics.AnalyticsConfiguration;
import eventshop.platform.messaging.DeadLetterPublisher;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The platform's dead-letter channel, naming Kafka Streams' application id as the consumer that gave up. */
@Singleton
class PlatformDeadLetters implements DeadLetters {

    private final DeadLetterPublisher publisher;
    private final String consumerGroup;

    PlatformDeadLetters(DeadLetterPublisher publisher, AnalyticsConfiguration configuration) {
        this.publisher = publisher;
        this.consumerGroup = configuration.getApplicationId();
    }

    @Override
    public void park(ConsumerRecord<String, byte[]> record, Exception error) {
        publisher.publish(record, consumerGroup, error);
    }
}
