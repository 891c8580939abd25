package eventshop.orders.service;

import eventshop.orders.domain.OrderStatus;

import java.util.UUID;

/** Published inside the transaction that changed an order; listeners that count or log react after commit. */
public record OrderStatusChanged(UUID orderId, OrderStatus status) {
}
