package eventshop.orders.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

@MappedEntity("catalog_product")
public record CatalogProductEntity(@Id String sku, String name, String description, BigDecimal price,
                                   String currency, int stock, Instant updatedAt, @Nullable Long version) {
}
