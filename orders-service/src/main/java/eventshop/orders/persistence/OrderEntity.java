package eventshop.orders.persistence;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("customer_order")
public record OrderEntity(@Id UUID id, String customerName, String customerEmail, OrderStatus status,
                          @Nullable String statusReason, BigDecimal total, String currency,
                          @Nullable String correlationId, @Nullable String idempotencyKey,
                          @Nullable String requestFingerprint, Instant createdAt, Instant updatedAt) {

    public OrderEntity withStatus(OrderStatus newStatus, @Nullable String reason, Instant at) {
        return new OrderEntity(id, customerName, customerEmail, newStatus, reason, total, currency, correlationId,
                idempotencyKey, requestFingerprint, createdAt, at);
    }
}
