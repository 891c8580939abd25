package eventshop.webui.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the order list, as orders-service's ListOrders answers it. */
public record OrderListPage(List<Summary> items, int page, int size, long total) {

    /** A row of the list. */
    public record Summary(UUID id, String status, String customerName, BigDecimal total, String currency,
                          Instant createdAt, Instant updatedAt) {
    }

    public static OrderListPage empty(int size) {
        return new OrderListPage(List.of(), 0, size, 0);
    }
}
