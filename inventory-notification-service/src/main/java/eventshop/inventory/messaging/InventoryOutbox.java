package eventshop.inventory.messaging;

import eventshop.events.DomainEvent;
import eventshop.events.LowStockDetected;
import eventshop.events.NotificationSent;
import eventshop.events.ProductSnapshot;
import eventshop.events.Shortage;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReleased;
import eventshop.events.StockReplenished;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.inventory.persistence.Notification;
import eventshop.inventory.persistence.Product;
import eventshop.platform.outbox.Outbox;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Every event this service emits, with its topic and key in one place: order outcomes keyed by order id (one order's
 * events stay in order), stock changes by SKU, notifications by order id or SKU. All go through the transactional
 * outbox, so an event exists exactly when the change it announces was committed.
 */
@Singleton
public class InventoryOutbox {

    private final Outbox outbox;

    public InventoryOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public void stockReserved(UUID orderId, List<StockLine> lines, String correlationId) {
        append(Topics.INVENTORY, orderId.toString(), new StockReserved(lines), orderId, correlationId);
    }

    public void stockRejected(UUID orderId, String reason, List<Shortage> shortages, String correlationId) {
        append(Topics.INVENTORY, orderId.toString(), new StockRejected(reason, shortages), orderId, correlationId);
    }

    public void stockReleased(UUID orderId, List<StockLine> lines, String correlationId) {
        append(Topics.INVENTORY, orderId.toString(), new StockReleased(lines), orderId, correlationId);
    }

    public void stockReplenished(String sku, int quantity, int stock, String correlationId) {
        append(Topics.INVENTORY, sku, new StockReplenished(sku, quantity, stock), null, correlationId);
    }

    public void lowStockDetected(Product product, String correlationId) {
        append(Topics.INVENTORY, product.sku(),
                new LowStockDetected(product.sku(), product.name(), product.stock(), product.lowWaterMark()), null,
                correlationId);
    }

    public void productSnapshot(Product p, String correlationId) {
        append(Topics.CATALOG, p.sku(), new ProductSnapshot(p.sku(), p.name(), p.description(), p.price(),
                p.currency(), p.stock(), p.lowWaterMark(), p.version()), null, correlationId);
    }

    public void notificationSent(Notification n, String key, String correlationId) {
        append(Topics.NOTIFICATIONS, key, new NotificationSent(n.id(), n.audience().name(), n.recipient(), n.channel(),
                n.subject(), n.body()), n.orderId(), correlationId);
    }

    private void append(String topic, String key, DomainEvent data, UUID orderId, String correlationId) {
        outbox.append(topic, key, data, orderId, correlationId);
    }
}
