package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The whole shop's sales, keyed by {@link #KEY} on the compacted {@link Topics#SALES} topic: running totals of orders
 * and sales, the confirmation rate (confirmed of those decided: confirmed or rejected) and the cancellation rate
 * (cancelled of those placed), the best-selling products, and the minute that changed last.
 *
 * @param minute the one-minute window this update changed, or {@code null} before any
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ShopSales(@Nullable @Valid MinuteSales minute, long ordersPlaced, long ordersConfirmed,
                        long ordersRejected, long ordersCancelled, double confirmationRate, double cancellationRate,
                        long units, @NotNull BigDecimal revenue, @NotBlank String currency,
                        @NotNull List<@NotNull @Valid TopProduct> topProducts) implements DomainEvent {

    /** The record key of the shop-wide figures; SKUs never contain it. */
    public static final String KEY = "*";

    public ShopSales {
        topProducts = List.copyOf(topProducts);
    }
}
