package eventshop.webui.orders;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A product as orders-service's catalog replica knows it: what exists and what it costs, no stock. */
@Serdeable
public record CatalogItem(String sku, String name, String description, BigDecimal price, String currency) {
}
