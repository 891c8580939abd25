package eventshop.webui.shop;

import eventshop.webui.inventory.InventoryClient;
import eventshop.webui.inventory.Product;
import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Fetched;
import eventshop.webui.orders.OrdersClient;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The products the shop offers: from inventory (with stock) or, if inventory is down, from orders-service's
 * catalog replica (no stock known) — so the shop can still take orders while inventory is away.
 */
@Singleton
public class ProductCatalog {

    private final InventoryClient inventory;
    private final OrdersClient orders;
    private final Downstream downstream;

    public ProductCatalog(InventoryClient inventory, OrdersClient orders, Downstream downstream) {
        this.inventory = inventory;
        this.orders = orders;
        this.downstream = downstream;
    }

    /** The offer, and a sentence for the banner when the stock figures are missing. */
    public record Offer(List<ShopProduct> products, String problem) {
    }

    public Offer offer() {
        Fetched<List<Product>> withStock = downstream.fetch("The inventory service", inventory::products);
        if (withStock.available()) {
            return new Offer(withStock.orElse(List.of()).stream().map(ShopProduct::of).toList(), null);
        }
        Fetched<List<ShopProduct>> catalog = downstream.fetch("The orders service",
                () -> orders.catalog().stream().map(ShopProduct::of).toList());
        String problem = withStock.problem() + " Stock figures are not shown"
                + (catalog.available() ? "." : "; " + catalog.problem());
        return new Offer(catalog.orElse(List.of()), problem);
    }
}
