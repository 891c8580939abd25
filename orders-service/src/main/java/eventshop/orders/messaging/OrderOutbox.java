package eventshop.orders.messaging;

import eventshop.events.Customer;
import eventshop.events.DomainEvent;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.Topics;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderLineEntity;
import eventshop.platform.correlation.CorrelationId;
import eventshop.platform.outbox.Outbox;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The events this service emits, written to the outbox inside the caller's transaction and keyed by order id so one
 * order's events stay in order. Each carries the correlation id of the request (or consumed event) that caused it.
 */
@Singleton
public class OrderOutbox {

    private final Outbox outbox;

    public OrderOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public void placed(OrderEntity order, List<OrderLineEntity> lines) {
        List<OrderLine> eventLines = lines.stream()
                .map(l -> new OrderLine(l.sku(), l.productName(), l.unitPrice(), l.quantity())).toList();
        append(order, new OrderPlaced(customer(order), eventLines, order.total(), order.currency()));
    }

    public void confirmed(OrderEntity order) {
        append(order, new OrderConfirmed(customer(order), order.total(), order.currency()));
    }

    public void rejected(OrderEntity order, String reason) {
        append(order, new OrderRejected(customer(order), reason));
    }

    public void cancelled(OrderEntity order, String reason) {
        append(order, new OrderCancelled(customer(order), reason));
    }

    private void append(OrderEntity order, DomainEvent event) {
        outbox.append(Topics.ORDERS, order.id().toString(), event, order.id(), CorrelationId.currentOrNew());
    }

    private static Customer customer(OrderEntity order) {
        return new Customer(order.customerName(), order.customerEmail());
    }
}
