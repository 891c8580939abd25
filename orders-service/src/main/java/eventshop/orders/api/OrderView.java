package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.service.OrderDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it: lines, total, current status and every status it went through. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderView(UUID id, OrderStatus status, CustomerView customer, List<LineView> lines, BigDecimal total,
                        String currency, Instant createdAt, Instant updatedAt, @Nullable String statusReason,
                        List<HistoryView> history, OrderLinks links) {

    public static OrderView of(OrderDetails details) {
        OrderEntity o = details.order();
        return new OrderView(o.id(), o.status(), new CustomerView(o.customerName(), o.customerEmail()),
                details.lines().stream().map(l -> new LineView(l.sku(), l.productName(), l.unitPrice(), l.quantity(),
                        l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))).toList(),
                o.total(), o.currency(), o.createdAt(), o.updatedAt(), o.statusReason(),
                details.history().stream().map(h -> new HistoryView(h.status(), h.at(), h.reason())).toList(),
                links(o));
    }

    static OrderLinks links(OrderEntity o) {
        String self = "/orders/" + o.id();
        return new OrderLinks(self, o.status().isCancellable() ? self + "/cancel" : null);
    }
}
