package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A product as this service knows it. {@code stock} is informational: inventory decides what can be reserved. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CatalogItemView(String sku, String name, String description, BigDecimal price, String currency,
                              int stock) {
}
