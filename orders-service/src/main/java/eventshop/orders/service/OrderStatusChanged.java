package eventshop.orders.service;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that changed an order; listeners that count, log or stream it (metrics, the gRPC
 * WatchOrder streams) react after commit.
 */
public record OrderStatusChanged(UUID orderId, OrderStatus status, @Nullable String reason, Instant at) {
}
