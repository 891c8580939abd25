package eventshop.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One valid instance of every event type. */
final class SampleEvents {

    static final Customer CUSTOMER = new Customer("Jean Dupont", "jean@example.com");

    static List<DomainEvent> all() {
        List<DomainEvent> events = List.of(
                new OrderPlaced(CUSTOMER, List.of(new OrderLine("ESP-001", "Espresso", new BigDecimal("2.50"), 2)),
                        new BigDecimal("5.00"), "EUR"),
                new OrderConfirmed(CUSTOMER, new BigDecimal("5.00"), "EUR"),
                new OrderRejected(CUSTOMER, "Not enough stock"),
                new OrderCancelled(CUSTOMER, "Changed my mind"),
                new StockReserved(List.of(new StockLine("ESP-001", 2))),
                new StockRejected("Not enough stock", List.of(new Shortage("ESP-001", 5, 3))),
                new StockReleased(List.of(new StockLine("ESP-001", 2))),
                new StockReplenished("ESP-001", 10, 13),
                new LowStockDetected("ESP-001", "Espresso", 2, 5),
                new ProductSnapshot("ESP-001", "Espresso", "A short strong coffee", new BigDecimal("2.50"), "EUR",
                        20, 5, 7L),
                new NotificationSent(UUID.randomUUID(), "CUSTOMER", "jean@example.com", "LOG", "Confirmed",
                        "Your order is confirmed"),
                new ProductSales("ESP-001", "Espresso", 4, new BigDecimal("10.00"), "EUR"),
                new ShopSales(new MinuteSales(Instant.parse("2026-12-02T08:15:00Z"), 3, 2, 1, 1, 4,
                        new BigDecimal("10.00")), 3, 2, 1, 1, 0.6667, 0.3333, 4, new BigDecimal("10.00"), "EUR",
                        List.of(new TopProduct("ESP-001", "Espresso", 4, new BigDecimal("10.00")))));
        if (events.size() != DomainEvent.class.getPermittedSubclasses().length) {
            throw new IllegalStateException("add a sample for every event type");
        }
        return events;
    }

    private SampleEvents() {
    }
}
