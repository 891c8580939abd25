package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** @param version raised by the database on every update of the row (trigger {@code product_version}) */
@MappedEntity("product")
public record Product(@Id String sku, String name, String description, BigDecimal price, String currency, int stock,
                      int lowWaterMark, Instant updatedAt, long version) {

    public Product withStock(int newStock, Instant at, long newVersion) {
        return new Product(sku, name, description, price, currency, newStock, lowWaterMark, at, newVersion);
    }
}
