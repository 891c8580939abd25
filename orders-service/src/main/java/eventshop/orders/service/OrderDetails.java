package eventshop.orders.service;

import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderLineEntity;
import eventshop.orders.persistence.StatusChangeEntity;

import java.util.List;

/** An order with its lines and status history, as read in one go. */
public record OrderDetails(OrderEntity order, List<OrderLineEntity> lines, List<StatusChangeEntity> history) {
}
