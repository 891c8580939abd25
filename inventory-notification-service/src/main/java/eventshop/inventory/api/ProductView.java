package eventshop.inventory.api;

import eventshop.inventory.domain.StockLevel;
import eventshop.inventory.persistence.Product;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

@Serdeable
public record ProductView(String sku, String name, String description, BigDecimal price, String currency, int stock,
                          int lowWaterMark, boolean lowStock) {

    static ProductView of(Product p) {
        return new ProductView(p.sku(), p.name(), p.description(), p.price(), p.currency(), p.stock(),
                p.lowWaterMark(), new StockLevel(p.stock(), p.lowWaterMark()).low());
    }
}
