package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

@MappedEntity("product")
public record Product(@Id String sku, String name, String description, BigDecimal price, String currency, int stock,
                      int lowWaterMark, Instant updatedAt) {
}
