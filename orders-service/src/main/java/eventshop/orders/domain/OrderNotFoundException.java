package eventshop.orders.domain;

import java.util.UUID;

/** A request named an order that does not exist. */
public final class OrderNotFoundException extends DomainException {

    public OrderNotFoundException(UUID orderId) {
        super("No order with id " + orderId);
    }
}
