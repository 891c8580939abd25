package eventshop.inventory.service;

import eventshop.inventory.domain.NotificationTexts;
import eventshop.inventory.domain.StockLevel;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Product;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * What follows every change of a product's stock, whatever caused it: a fresh snapshot on the compacted catalog topic
 * and, when the change takes stock below the low-water mark, one LowStockDetected and one staff notification.
 */
@Singleton
class StockChanges {

    private final InventoryOutbox outbox;
    private final Notifier notifier;

    StockChanges(InventoryOutbox outbox, Notifier notifier) {
        this.outbox = outbox;
        this.notifier = notifier;
    }

    /**
     * @param before the product as locked before the change, which the caller has updated exactly once since (the
     *               database raised its version by one)
     * @param delta  how much was added (positive) or taken (negative)
     * @return the product after the change
     */
    Product changed(Product before, int delta, String correlationId) {
        Product after = new Product(before.sku(), before.name(), before.description(), before.price(),
                before.currency(), before.stock() + delta, before.lowWaterMark(), Instant.now(), before.version() + 1);
        outbox.productSnapshot(after, correlationId);
        if (StockLevel.crossedDown(before.stock(), after.stock(), after.lowWaterMark())) {
            outbox.lowStockDetected(after, correlationId);
            notifier.toStaff(after.sku(), NotificationTexts.lowStock(after.sku(), after.name(), after.stock(),
                    after.lowWaterMark()), correlationId);
        }
        return after;
    }
}
