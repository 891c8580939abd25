package eventshop.webui.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One order as orders-service shows it. */
@Serdeable
public record OrderView(UUID id, String status, Customer customer, List<Line> lines, BigDecimal total,
                        String currency, Instant createdAt, @Nullable Instant updatedAt,
                        @Nullable String statusReason, @Nullable List<StatusChange> history) {

    @Serdeable
    public record Customer(String name, String email) {
    }

    @Serdeable
    public record Line(String sku, @Nullable String productName, BigDecimal unitPrice, int quantity,
                       BigDecimal lineTotal) {
    }

    @Serdeable
    public record StatusChange(String status, Instant at, @Nullable String reason) {
    }

    /** Only a confirmed order can be cancelled (orders-service answers 409 otherwise). */
    public boolean cancellable() {
        return "CONFIRMED".equals(status);
    }

    public List<StatusChange> historyOrEmpty() {
        return history == null ? List.of() : history;
    }
}
