package eventshop.analytics.api;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One product on GET /sales/products: what it has sold so far (confirmed minus cancelled). */
@Serdeable
public record ProductSalesView(String sku, String name, long units, BigDecimal revenue, String currency) {
}
