package eventshop.inventory.stock;

import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Staff put stock back on the shelf: StockReplenished, a fresh snapshot, all in one transaction. */
@Singleton
public class RestockService {

    /** No shelf holds more; keeps stock far from int overflow whatever is restocked. */
    public static final int MAX_STOCK = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(RestockService.class);

    private final ProductRepository products;
    private final StockChanges stockChanges;
    private final InventoryOutbox outbox;

    RestockService(ProductRepository products, StockChanges stockChanges, InventoryOutbox outbox) {
        this.products = products;
        this.stockChanges = stockChanges;
        this.outbox = outbox;
    }

    /**
     * @return the product after the restock, or empty when there is no such SKU
     * @throws StockLimitExceededException when the stock would exceed {@link #MAX_STOCK}
     */
    @Transactional
    public Optional<Product> restock(String sku, int quantity) {
        List<Product> locked = products.lockBySkus(List.of(sku));
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Product before = locked.get(0);
        if ((long) before.stock() + quantity > MAX_STOCK) {
            throw new StockLimitExceededException(sku, before.stock(), quantity, MAX_STOCK);
        }
        products.add(sku, quantity);
        String correlationId = CorrelationId.currentOrNew();
        outbox.stockReplenished(sku, quantity, before.stock() + quantity, correlationId);
        Product after = stockChanges.changed(before, quantity, correlationId);
        LOG.info("Restocked {} by {}: {} -> {}", sku, quantity, before.stock(), after.stock());
        return Optional.of(after);
    }
}
