package eventshop.inventory.stock;

import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.persistence.RestockRecord;
import eventshop.inventory.persistence.RestockRecordRepository;
import io.micronaut.core.annotation.Nullable;
import eventshop.platform.correlation.CorrelationId;
import eventshop.platform.http.Problems;
import io.micronaut.http.HttpStatus;
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
     * @return the product after the restock, or empty when there is no such SKU
     * @throws org.zalando.problem.ThrowableProblem 409 when the stock would exceed {@link #MAX_STOCK}; 422 when the
     *                                              key was first used for another SKU or quantity
     */
    @Transactional
    public Optional<Restocked> restock(String sku, int quantity, @Nullable String idempotencyKey) {
        List<Product> locked = products.lockBySkus(List.of(sku));
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        if (idempotencyKey != null && restockRecords.claim(idempotencyKey, sku, quantity) == 0) {
            RestockRecord earlier = restockRecords.findById(idempotencyKey).orElseThrow();
            if (!earlier.sku().equals(sku) || earlier.quantity() != quantity) {
                throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", "Idempotency-Key '"
                        + idempotencyKey + "' was first used to restock " + earlier.sku() + " by " + earlier.quantity()
                        + "; use a new key for a new restock");
            }
            LOG.info("Restock of {} by {} already done under Idempotency-Key {}", sku, quantity, idempotencyKey);
            return Optional.of(new Restocked(locked.get(0), true));
        }
        Product before = locked.get(0);
        if ((long) before.stock() + quantity > MAX_STOCK) {
            throw Problems.of(HttpStatus.CONFLICT, "Stock limit exceeded", "restocking " + sku + " by " + quantity
                    + " would take its stock from " + before.stock() + " above the maximum of " + MAX_STOCK);
        }
        products.add(sku, quantity);
        String correlationId = CorrelationId.currentOrNew();
        outbox.stockReplenished(sku, quantity, before.stock() + quantity, correlationId);
        Product after = stockChanges.changed(before, quantity, correlationId);
        LOG.info("Restocked {} by {}: {} -> {}", sku, quantity, before.stock(), after.stock());
        return Optional.of(new Restocked(after, false));
    }
}
