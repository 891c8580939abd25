package eventshop.inventory.service;

import eventshop.inventory.domain.NotificationTexts;
import eventshop.inventory.domain.StockLevel;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Product;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What follows a change of a product's stock, whatever caused it: a fresh snapshot on the compacted catalog topic
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
     * A single change, its staff notification (if any) sent at once.
     *
     * @param before the product as locked before the change, which the caller has updated exactly once since (the
     *               database raised its version by one)
     * @param delta  how much was added (positive) or taken (negative)
     * @return the product after the change
     */
    Product changed(Product before, int delta, String correlationId) {
        Product after = before.withStock(before.stock() + delta, Instant.now(), before.version() + 1);
        announce(before, after, correlationId).ifPresent(alert -> notifier.sendAll(List.of(alert)));
        return after;
    }

    /**
     * Appends the snapshot of {@code after} and, if the change crossed the low-water mark, LowStockDetected.
     *
     * @return the staff notification of a crossing, for the caller to send with its other notifications
     */
    Optional<Notifier.Outgoing> announce(Product before, Product after, String correlationId) {
        outbox.productSnapshot(after, correlationId);
        if (!StockLevel.crossedDown(before.stock(), after.stock(), after.lowWaterMark())) {
            return Optional.empty();
        }
        outbox.lowStockDetected(after, correlationId);
        return Optional.of(notifier.forStaff(after.sku(), NotificationTexts.lowStock(after.sku(), after.name(),
                after.stock(), after.lowWaterMark()), correlationId));
    }
}
