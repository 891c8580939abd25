package eventshop.orders.domain;

import java.util.UUID;

/** A cancellation of an order whose status no longer allows it (see {@link OrderStatus#isCancellable()}). */
public final class OrderNotCancellableException extends DomainException {

    public OrderNotCancellableException(UUID orderId, OrderStatus status) {
        super("Order " + orderId + " is " + status + "; only PENDING or CONFIRMED orders can be cancelled");
    }
}
