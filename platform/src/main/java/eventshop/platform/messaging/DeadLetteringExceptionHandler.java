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
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What every listener does when micronaut-kafka gives up on a record after its last retry ({@link Listeners}): left to
 * the default handler, the error would only be logged and the consumer would commit past the record, losing the event
 * silently. Here the record is parked on the dead-letter topic with the consumer's group, from where the audit service
 * can replay it (the event id keeps a replay idempotent).
 * <p>
 * A failed offset commit is not a failed record: it was processed, it comes again after the rebalance and is skipped
 * as a duplicate, so it is only logged. Records that are not the shop's ({@code String} key, bytes value), such as the
 * audit journal's, and errors without a record go to micronaut-kafka's default handling.
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
        if (record.isEmpty() || cause instanceof SerializationException) {
            super.handle(exception);
            return;
        }
        ConsumerRecord<String, byte[]> failed = record.get();
        LOG.error("Giving up on {}/{}@{} after its last retry; dead-lettering it", failed.topic(), failed.partition(),
                failed.offset(), cause);
        try {
            deadLetters.publish(failed, groupOf(exception.getKafkaConsumer()), cause);
        } catch (RuntimeException e) {
            LOG.error("Could not dead-letter {}/{}@{}; the consumer moves on without it", failed.topic(),
                    failed.partition(), failed.offset(), e);
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
