package eventshop.platform.messaging;

import io.micronaut.configuration.kafka.config.DefaultKafkaListenerExceptionHandlerConfiguration;
import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What micronaut-kafka does with an error its listener's error strategy does not retry. The shop's listeners retry
 * transient failures forever ({@link Listeners}) and {@link IncomingEvents} dead-letters permanent ones itself, so what
 * arrives here is rare:
 * <ul>
 * <li>a failed offset commit (a rebalance): the records were processed, they come again and are skipped as
 * duplicates, so it is only logged;</li>
 * <li>a permanent failure ({@link UnprocessableEventException}, an undecodable record) of a single shop record from a
 * listener that lets it through: dead-lettered with the consumer's group, from where the audit service can replay it;</li>
 * <li>anything else, i.e. a transient failure a listener gave up on: never dead-lettered (a valid event must not
 * become a dead letter because the database was away), only logged as an error by micronaut-kafka's default handling.
 * Such a listener should retry forever instead.</li>
 * </ul>
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
public class DeadLetteringExceptionHandler extends DefaultKafkaListenerExceptionHandler {

    static final String UNKNOWN_GROUP = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private final DeadLetterPublisher deadLetters;

    public DeadLetteringExceptionHandler(DefaultKafkaListenerExceptionHandlerConfiguration configuration,
                                         DeadLetterPublisher deadLetters) {
        super(configuration);
        this.deadLetters = deadLetters;
    }

    @Override
    public void handle(KafkaListenerException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        if (cause instanceof CommitFailedException || cause instanceof RebalanceInProgressException) {
            LOG.warn("Offset commit failed (rebalance?); the record comes again and is skipped as a duplicate: {}",
                    cause.toString());
            return;
        }
        Optional<ConsumerRecord<String, byte[]>> record = shopRecord(exception);
        if (record.isEmpty() || !Failures.isPermanent(cause)) {
            super.handle(exception);
            return;
        }
        ConsumerRecord<String, byte[]> failed = record.get();
        try {
            deadLetters.publish(failed, groupOf(exception.getKafkaConsumer()), cause);
        } catch (RuntimeException e) {
            LOG.error("Could not dead-letter {}/{}@{}", failed.topic(), failed.partition(), failed.offset(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<ConsumerRecord<String, byte[]>> shopRecord(KafkaListenerException exception) {
        return exception.getConsumerRecord()
                .filter(r -> (r.key() == null || r.key() instanceof String)
                        && (r.value() == null || r.value() instanceof byte[]))
                .map(r -> (ConsumerRecord<String, byte[]>) r);
    }

    /** Called on the consumer's own thread (the only one allowed to use it), where micronaut-kafka calls handlers. */
    private static String groupOf(Consumer<?, ?> consumer) {
        if (consumer == null) {
            return UNKNOWN_GROUP;
        }
        try {
            return consumer.groupMetadata().groupId();
        } catch (RuntimeException e) {
            return UNKNOWN_GROUP;
        }
    }
}
