package eventshop.inventory.messaging;

import eventshop.events.EventEnvelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.Topics;
import eventshop.inventory.stock.ReservationService;
import eventshop.platform.messaging.DeadLetterPublisher;
import eventshop.platform.messaging.IncomingEvents;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to orders: OrderPlaced reserves, OrderCancelled releases; other order events are not inventory's business.
 * Three consumer threads share the topic's partitions. A failing record (database down) is retried with exponential
 * back-off and its offset is committed only after its transaction committed (SYNC_PER_RECORD).
 */
@KafkaListener(groupId = OrderEventsListener.GROUP, threads = 3, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                retryCount = OrderEventsListener.RETRIES, retryDelay = "200ms"))
public class OrderEventsListener implements KafkaListenerExceptionHandler {

    public static final String GROUP = "inventory-notification-service";
    /** 200 ms doubling 12 times: about 13.6 minutes of retrying one record before giving up on it. */
    static final int RETRIES = 12;

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventsListener.class);

    private final IncomingEvents incoming;
    private final ReservationService reservations;
    private final DeadLetterPublisher deadLetters;

    OrderEventsListener(IncomingEvents incoming, ReservationService reservations, DeadLetterPublisher deadLetters) {
        this.incoming = incoming;
        this.reservations = reservations;
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.ORDERS)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(record, GROUP, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.data() instanceof OrderPlaced placed) {
            reservations.reserve(event, placed);
        } else if (event.data() instanceof OrderCancelled cancelled) {
            reservations.release(event, cancelled);
        }
    }

    /**
     * Called by micronaut-kafka when it gives up on a record after every retry; left alone, it would commit past the
     * record and the order would be lost silently. Instead the record is parked on the dead-letter topic, from which
     * the audit service can replay it (the event id keeps a replay idempotent).
     */
    @Override
    public void handle(KafkaListenerException exception) {
        ConsumerRecord<?, ?> record = exception.getConsumerRecord().orElse(null);
        if (exception.getCause() instanceof CommitFailedException) {
            // processed and committed to the database; the record comes again and is skipped as a duplicate
            LOG.warn("Offset commit failed (rebalance?): {}", exception.getCause().toString());
            return;
        }
        if (record == null || !(record.value() instanceof byte[])) {
            LOG.error("Kafka consumer error: {}", exception.getMessage(), exception);
            return;
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> failed = (ConsumerRecord<String, byte[]>) record;
        LOG.error("Giving up on {}/{}@{} after {} retries; dead-lettering it", failed.topic(), failed.partition(),
                failed.offset(), RETRIES, exception.getCause());
        deadLetters.publish(failed, GROUP, exception.getCause() != null ? exception.getCause() : exception);
    }
}
