package eventshop.webui.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the order list. */
@Serdeable
public record OrderPage(List<Summary> items, int page, int size, long total) {

    /** A row of the list; the customer comes either flat ({@code customerName}) or nested, whichever the API gives. */
    @Serdeable
    public record Summary(UUID id, String status, @Nullable String customerName,
                          @Nullable OrderView.Customer customer, @Nullable BigDecimal total,
                          @Nullable String currency, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

        public String customerDisplayName() {
            if (customerName != null) {
                return customerName;
            }
            return customer == null ? "" : customer.name();
        }
    }

    public static OrderPage empty(int size) {
        return new OrderPage(List.of(), 0, size, 0);
    }
}
