package eventshop.orders.messaging;

import eventshop.events.Topics;
import eventshop.orders.service.InventoryOutcomes;
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
 * Inventory's answers (StockReserved / StockRejected) move orders on; a poll at a time, each event applied once. Three
 * consumer threads ({@code eventshop.orders.consumer-threads}) share shop.inventory's partitions: under load the
 * request threads of the same process outnumber them, and one thread got too small a share of the cores to keep up
 * (documentation/benchmarks.md). An order's answers share its key, so one thread applies them, in order.
 */
@KafkaListener(groupId = InventoryOutcomeListener.GROUP, threadsValue = "${eventshop.orders.consumer-threads:3}",
        batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Listeners.RETRY_FOREVER, retryDelay = Listeners.RETRY_DELAY))
public class InventoryOutcomeListener {

    static final String GROUP = "orders-inventory-outcomes";

    private final IncomingEvents incoming;
    private final InventoryOutcomes outcomes;

    public InventoryOutcomeListener(IncomingEvents incoming, InventoryOutcomes outcomes) {
        this.incoming = incoming;
        this.outcomes = outcomes;
    }

    @Topic(Topics.INVENTORY)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer) {
        incoming.handleOnce(records, kafkaConsumer, GROUP, outcomes.newPoll());
    }
}
