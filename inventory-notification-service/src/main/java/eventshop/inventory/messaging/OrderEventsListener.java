package eventshop.inventory.messaging;

import eventshop.events.Topics;
import eventshop.inventory.service.ReservationPoll;
import eventshop.inventory.service.ReservationService;
import eventshop.platform.messaging.IncomingEvents;
import eventshop.platform.messaging.Listeners;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Reacts to orders: OrderPlaced reserves, OrderCancelled and OrderRejected (the orders service's saga time-out) release;
 * other order events are not inventory's business. Three consumer threads ({@code eventshop.inventory.consumer-threads})
 * share the topic's partitions; each applies a whole poll in one transaction through a {@link ReservationPoll} of its
 * own (the products of the poll locked first in SKU order, the poll's writes a statement per table), and commits its
 * offsets after that transaction ({@link Listeners}).
 */
@KafkaListener(groupId = OrderEventsListener.GROUP, threadsValue = "${eventshop.inventory.consumer-threads:3}",
        batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Listeners.RETRY_FOREVER, retryDelay = Listeners.RETRY_DELAY))
public class OrderEventsListener {

    static final String GROUP = "inventory-notification-service";

    private final IncomingEvents incoming;
    private final ReservationService reservations;

    OrderEventsListener(IncomingEvents incoming, ReservationService reservations) {
        this.incoming = incoming;
        this.reservations = reservations;
    }

    @Topic(Topics.ORDERS)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer) {
        incoming.handleOnce(records, kafkaConsumer, GROUP, reservations.newPoll());
    }
}
