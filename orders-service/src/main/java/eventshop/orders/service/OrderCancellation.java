package eventshop.orders.service;

import eventshop.orders.domain.OrderNotCancellableException;
import eventshop.orders.domain.OrderNotFoundException;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.messaging.OrderOutbox;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Cancels a PENDING or CONFIRMED order and announces it; inventory then releases whatever it reserved. */
@Singleton
public class OrderCancellation {

    public static final String DEFAULT_REASON = "Cancelled by customer";

    private final OrderRepository orders;
    private final OrderTransitions transitions;
    private final OrderOutbox outbox;

    public OrderCancellation(OrderRepository orders, OrderTransitions transitions, OrderOutbox outbox) {
        this.orders = orders;
        this.transitions = transitions;
        this.outbox = outbox;
    }

    @Transactional
    public void cancel(UUID orderId, String reason) {
        OrderEntity order = orders.findByIdForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (!order.status().isCancellable()) {
            throw new OrderNotCancellableException(orderId, order.status());
        }
        OrderEntity cancelled = transitions.move(order, OrderStatus.CANCELLED, reason);
        outbox.cancelled(cancelled, reason);
    }
}
