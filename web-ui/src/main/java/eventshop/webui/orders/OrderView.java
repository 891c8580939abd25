package eventshop.webui.orders;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One order as orders-service shows it.
 *
 * @param cancellable orders-service's word on whether the order can still be cancelled: the page offers the button
 */
public record OrderView(UUID id, String status, Customer customer, List<Line> lines, BigDecimal total,
                        String currency, Instant createdAt, @Nullable Instant updatedAt,
                        @Nullable String statusReason, List<StatusChange> history, boolean cancellable) {

    public record Customer(String name, String email) {
    }

    public record Line(String sku, @Nullable String productName, BigDecimal unitPrice, int quantity,
                       BigDecimal lineTotal) {
    }

    public record StatusChange(String status, Instant at, @Nullable String reason) {
    }
}
