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
                        @Nullable String statusReason, @Nullable List<StatusChange> history,
                        @Nullable Links links) {

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

    /** orders-service's own links: {@code cancel} is present only while the order can be cancelled. */
    @Serdeable
    public record Links(@Nullable String self, @Nullable String cancel) {
    }

    /** Whether to offer the cancel button: orders-service says so by giving a cancel link. */
    public boolean cancellable() {
        return links != null ? links.cancel() != null : "CONFIRMED".equals(status) || "PENDING".equals(status);
    }

    public List<StatusChange> historyOrEmpty() {
        return history == null ? List.of() : history;
    }
}
