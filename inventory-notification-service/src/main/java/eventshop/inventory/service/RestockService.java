package eventshop.inventory.service;

import eventshop.inventory.domain.IdempotencyKeyReusedException;
import eventshop.inventory.domain.StockLevel;
import eventshop.inventory.domain.StockLimitExceededException;
import eventshop.inventory.domain.UnknownProductException;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.persistence.RestockRecord;
import eventshop.inventory.persistence.RestockRecordRepository;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Staff put stock back on the shelf: StockReplenished, a fresh snapshot, all in one transaction. */
@Singleton
public class RestockService {

    private static final Logger LOG = LoggerFactory.getLogger(RestockService.class);

    private final ProductRepository products;
    private final StockChanges stockChanges;
    private final InventoryOutbox outbox;
    private final RestockRecordRepository restockRecords;

    RestockService(ProductRepository products, StockChanges stockChanges, InventoryOutbox outbox,
                   RestockRecordRepository restockRecords) {
        this.products = products;
        this.restockRecords = restockRecords;
        this.stockChanges = stockChanges;
        this.outbox = outbox;
    }

    /** The product after the restock, and whether an earlier request with the same Idempotency-Key did it. */
    public record Restocked(Product product, boolean replayed) {
    }

    /**
     * @param idempotencyKey when given, a second request with it restocks nothing and answers like the first
     * @throws UnknownProductException        when there is no such SKU
     * @throws StockLimitExceededException   when the stock would exceed {@link StockLevel#MAX_STOCK}
     * @throws IdempotencyKeyReusedException when the key was first used for another SKU or quantity
     */
    @Transactional
    public Restocked restock(String sku, int quantity, @Nullable String idempotencyKey) {
        List<Product> locked = products.lockBySkus(List.of(sku));
        if (locked.isEmpty()) {
            throw new UnknownProductException(sku);
        }
        if (idempotencyKey != null && restockRecords.claim(idempotencyKey, sku, quantity) == 0) {
            RestockRecord earlier = restockRecords.findById(idempotencyKey).orElseThrow();
            if (!earlier.sku().equals(sku) || earlier.quantity() != quantity) {
                throw new IdempotencyKeyReusedException(idempotencyKey, earlier.sku(), earlier.quantity());
            }
            LOG.info("Restock of {} by {} already done under Idempotency-Key {}", sku, quantity, idempotencyKey);
            return new Restocked(locked.get(0), true);
        }
        Product before = locked.get(0);
        if ((long) before.stock() + quantity > StockLevel.MAX_STOCK) {
            throw new StockLimitExceededException(sku, quantity, before.stock());
        }
        products.add(sku, quantity);
        String correlationId = CorrelationId.currentOrNew();
        outbox.stockReplenished(sku, quantity, before.stock() + quantity, correlationId);
        Product after = stockChanges.changed(before, quantity, correlationId);
        LOG.info("Restocked {} by {}: {} -> {}", sku, quantity, before.stock(), after.stock());
        return new Restocked(after, false);
    }
}
