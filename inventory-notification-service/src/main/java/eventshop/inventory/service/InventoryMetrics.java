package eventshop.inventory.service;

import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/**
 * Business metrics on /prometheus: reservations, rejections and releases (counted after commit, so a retried
 * transaction counts once) and the stock of every product (read from the database when scraped);
 * {@link InventoryFigures} puts them on the periodic log line.
 */
@Singleton
public class InventoryMetrics {

    public static final String STOCK = "eventshop.inventory.stock";

    private final MeterRegistry registry;
    private final ProductRepository products;
    private final Map<StockOutcome, Counter> counters = new EnumMap<>(StockOutcome.class);

    InventoryMetrics(MeterRegistry registry, ProductRepository products) {
        this.registry = registry;
        this.products = products;
        counters.put(StockOutcome.RESERVED, counter("eventshop.inventory.reservations", "Orders whose stock was reserved"));
        counters.put(StockOutcome.REJECTED, counter("eventshop.inventory.rejections", "Orders rejected for stock"));
        counters.put(StockOutcome.RELEASED, counter("eventshop.inventory.releases", "Cancelled orders whose stock was released"));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onOutcome(StockOutcome outcome) {
        counters.get(outcome).increment();
    }

    @EventListener
    void registerStockGauges(StartupEvent event) {
        for (Product product : products.listOrderBySku()) {
            String sku = product.sku();
            Gauge.builder(STOCK, products, repository -> repository.findStockBySku(sku).map(Integer::doubleValue)
                            .orElse(Double.NaN))
                    .tag("sku", sku).description("Units in stock").register(registry);
        }
    }

    public double count(StockOutcome outcome) {
        return counters.get(outcome).count();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
