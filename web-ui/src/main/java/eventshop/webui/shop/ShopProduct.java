package eventshop.webui.shop;

import eventshop.webui.inventory.Product;
import eventshop.webui.orders.CatalogItem;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** A product card. {@code stock} is null when inventory could not be asked. */
public record ShopProduct(String sku, String name, String description, BigDecimal price, String currency,
                          @Nullable Integer stock, boolean lowStock) {

    static ShopProduct of(Product p) {
        return new ShopProduct(p.sku(), p.name(), p.description(), p.price(), p.currency(), p.stock(), p.lowStock());
    }

    static ShopProduct of(CatalogItem c) {
        return new ShopProduct(c.sku(), c.name(), c.description(), c.price(), c.currency(), null, false);
    }

    public boolean soldOut() {
        return stock != null && stock == 0;
    }
}
