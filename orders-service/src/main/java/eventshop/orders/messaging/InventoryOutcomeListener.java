package eventshop.orders.messaging;

import eventshop.events.Topics;
import eventshop.orders.service.InventoryOutcomes;
import eventshop.platform.messaging.IncomingEvents;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Inventory's answers (StockReserved / StockRejected) move orders on; each event is applied once. */
@KafkaListener(groupId = "${eventshop.orders.inventory-group}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "200ms"))
public class InventoryOutcomeListener {

    static final String CONSUMER = "orders-inventory-outcomes";

    private final IncomingEvents incoming;
    private final InventoryOutcomes outcomes;

    public InventoryOutcomeListener(IncomingEvents incoming, InventoryOutcomes outcomes) {
        this.incoming = incoming;
        this.outcomes = outcomes;
    }

    @Topic(Topics.INVENTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(record, CONSUMER, outcomes::apply);
    }
}
