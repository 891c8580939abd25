package eventshop.inventory.messaging;

import eventshop.events.EventEnvelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.Topics;
import eventshop.inventory.stock.ReservationService;
import eventshop.platform.messaging.IncomingEvents;
import eventshop.platform.messaging.Listeners;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reacts to orders: OrderPlaced reserves, OrderCancelled and OrderRejected release; other order events are not
 * inventory's business.
 * Three consumer threads share the topic's partitions. A failing record (database down) is retried with exponential
 * back-off and its offset is committed only after its transaction committed (SYNC_PER_RECORD); after the last retry
 * the platform dead-letters it.
 */
@KafkaListener(groupId = OrderEventsListener.GROUP, threads = 3, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                retryCount = Listeners.RETRIES, retryDelay = Listeners.RETRY_DELAY))
public class OrderEventsListener {

    public static final String GROUP = "inventory-notification-service";

    private final IncomingEvents incoming;
    private final ReservationService reservations;

    OrderEventsListener(IncomingEvents incoming, ReservationService reservations) {
        this.incoming = incoming;
        this.reservations = reservations;
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
        } else if (event.data() instanceof OrderRejected rejected) { // the orders service's saga time-out
            reservations.withdraw(event, rejected);
        }
    }
}
