package eventshop.inventory.domain;

import eventshop.events.StockLine;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the shop says to customers and staff. Plain text, so any channel (log, e-mail) can carry it. */
public final class NotificationTexts {

    public record Message(String subject, String body) {
    }

    private NotificationTexts() {
    }

    public static Message confirmed(String customerName, UUID orderId, List<StockLine> lines) {
        return new Message("Order confirmed",
                "Hello " + customerName + ", your order " + shortId(orderId) + " is confirmed. We have put aside: "
                        + describe(lines) + ".");
    }

    public static Message rejected(String customerName, UUID orderId, String reason) {
        return new Message("Order could not be fulfilled",
                "Hello " + customerName + ", sorry: your order " + shortId(orderId) + " could not be fulfilled: "
                        + reason + ". Nothing was charged or reserved.");
    }

    public static Message released(String customerName, UUID orderId, List<StockLine> lines) {
        return new Message("Order cancelled",
                "Hello " + customerName + ", your order " + shortId(orderId)
                        + " is cancelled and the reserved items are released: " + describe(lines) + ".");
    }

    /** The orders service gave up on the order (it waited too long for the stock check) after stock was put aside. */
    public static Message withdrawn(String customerName, UUID orderId, String reason, List<StockLine> lines) {
        return new Message("Order could not be confirmed",
                "Hello " + customerName + ", sorry: your order " + shortId(orderId) + " could not be confirmed: "
                        + reason + ". Nothing was charged, and the items put aside are released: " + describe(lines)
                        + ".");
    }

    public static Message lowStock(String sku, String productName, int stock, int lowWaterMark) {
        return new Message("Low stock: " + productName,
                productName + " (" + sku + ") is down to " + stock + " (low-water mark " + lowWaterMark
                        + "). Time to restock.");
    }

    private static String describe(List<StockLine> lines) {
        return lines.stream().map(l -> l.quantity() + " x " + l.sku()).collect(Collectors.joining(", "));
    }

    private static String shortId(UUID orderId) {
        return orderId.toString().substring(0, 8);
    }
}
