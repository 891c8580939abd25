package eventshop.analytics.messaging;

import eventshop.analytics.domain.OrderSales;
import eventshop.analytics.domain.PlacedOrder;
import eventshop.analytics.domain.SalesFact;
import eventshop.events.EventEnvelope;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The table of placed orders, keyed by order id, joined with each order's later events. {@code OrderConfirmed} and
 * {@code OrderCancelled} carry the customer and the total, not the lines, so the units and revenue per product of a
 * confirmation (and what a cancellation takes back) come from the {@code OrderPlaced} kept here. A stateful join
 * rather than a stream-table join of the DSL because the order's stage decides what its next event means: only a
 * confirmed order's cancellation takes a sale back. All of one order's events share the order id as key, so they
 * reach this store in the order they were published.
 */
final class OrderBook implements FixedKeyProcessor<String, EventEnvelope, SalesFact> {

    private final EventMetrics metrics;
    private FixedKeyProcessorContext<String, SalesFact> context;
    private KeyValueStore<String, PlacedOrder> orders;

    OrderBook(EventMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SalesFact> context) {
        this.context = context;
        this.orders = context.getStateStore(SalesStores.PLACED_ORDERS);
    }

    @Override
    public void process(FixedKeyRecord<String, EventEnvelope> record) {
        String orderId = record.key();
        if (orderId == null) {
            return;
        }
        EventEnvelope envelope = record.value();
        OrderSales.Step step = OrderSales.apply(orders.get(orderId), envelope.data());
        if (step.forget()) {
            orders.delete(orderId);
        } else if (step.order() != null) {
            orders.put(orderId, step.order());
        }
        metrics.consumed(Topics.ORDERS, envelope.type());
        if (step.fact() != null) {
            context.forward(record.withValue(step.fact()));
        }
    }
}
