package eventshop.analytics.api;

import eventshop.events.TopProduct;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** GET /sales/shop: the whole shop since the beginning, its rates and best sellers. */
@Serdeable
public record ShopView(long ordersPlaced, long ordersConfirmed, long ordersRejected, long ordersCancelled,
                       double confirmationRate, double cancellationRate, long units, BigDecimal revenue,
                       String currency, List<TopProduct> topProducts) {
}
