package eventshop.orders.domain;

import java.math.BigDecimal;

/** What the order side knows about a product: enough to name and price a line. */
public record CatalogEntry(String sku, String name, BigDecimal price, String currency) {
}
