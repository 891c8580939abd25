package eventshop.inventory.service;

import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/**
 * At every start, a ProductSnapshot of every product goes to the compacted catalog topic (through the outbox, in one
 * transaction). Compaction keeps the latest per SKU, so a new consumer of the catalog always finds every product,
 * including ones added by a migration since the last change.
 */
@Singleton
public class CatalogSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSnapshots.class);

    private final ProductRepository products;
    private final InventoryOutbox outbox;
    private final TransactionOperations<Connection> transactions;

    CatalogSnapshots(ProductRepository products, InventoryOutbox outbox, TransactionOperations<Connection> transactions) {
        this.products = products;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int published = publishAll();
        LOG.info("Published the catalog: {} product snapshots", published);
    }

    public int publishAll() {
        String correlationId = CorrelationId.newId();
        return transactions.executeWrite(status -> {
            List<Product> all = products.listOrderBySku();
            all.forEach(product -> outbox.productSnapshot(product, correlationId));
            return all.size();
        });
    }
}
