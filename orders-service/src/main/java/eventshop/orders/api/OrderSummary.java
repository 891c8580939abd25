package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.persistence.OrderEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of the order list: enough to show and pick an order; GET /orders/{id} has the lines and history. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderSummary(UUID id, OrderStatus status, CustomerView customer, BigDecimal total, String currency,
                           Instant createdAt, Instant updatedAt, @Nullable String statusReason, OrderLinks links) {

    public static OrderSummary of(OrderEntity o) {
        return new OrderSummary(o.id(), o.status(), new CustomerView(o.customerName(), o.customerEmail()), o.total(),
                o.currency(), o.createdAt(), o.updatedAt(), o.statusReason(), OrderView.links(o));
    }
}
