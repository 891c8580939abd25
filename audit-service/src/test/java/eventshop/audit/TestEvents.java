package eventshop.audit;

import eventshop.events.Customer;
import eventshop.events.DomainEvent;
import eventshop.events.EventEnvelope;
import eventshop.events.NotificationSent;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.ProductSnapshot;
import eventshop.events.StockLine;
import eventshop.events.StockReserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Events as the services would publish them, with the time they happened chosen by the test. */
final class TestEvents {

    static final Customer CUSTOMER = new Customer("Ada Lovelace", "ada@example.com");

    private TestEvents() {
    }

    static EventEnvelope placed(UUID orderId, String correlationId, Instant at) {
        return envelope(new OrderPlaced(CUSTOMER, List.of(new OrderLine("ESP-001", "Espresso",
                new BigDecimal("2.50"), 2)), new BigDecimal("5.00"), "EUR"), orderId, correlationId,
                "orders-service", at);
    }

    static EventEnvelope reserved(UUID orderId, String correlationId, Instant at) {
        return envelope(new StockReserved(List.of(new StockLine("ESP-001", 2))), orderId, correlationId,
                "inventory-notification-service", at);
    }

    static EventEnvelope confirmed(UUID orderId, String correlationId, Instant at) {
        return envelope(new OrderConfirmed(CUSTOMER, new BigDecimal("5.00"), "EUR"), orderId, correlationId,
                "orders-service", at);
    }

    static EventEnvelope notified(UUID orderId, String correlationId, Instant at) {
        return envelope(new NotificationSent(UUID.randomUUID(), "CUSTOMER", CUSTOMER.email(), "LOG",
                "Order confirmed", "Your order is confirmed"), orderId, correlationId,
                "inventory-notification-service", at);
    }

    static EventEnvelope snapshot(String sku, String correlationId) {
        return envelope(new ProductSnapshot(sku, "Espresso", "A short strong coffee", new BigDecimal("2.50"), "EUR",
                20, 5), null, correlationId, "inventory-notification-service", now());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static EventEnvelope envelope(DomainEvent data, UUID orderId, String correlationId, String source,
                                          Instant at) {
        return new EventEnvelope(UUID.randomUUID(), data.type(), EventEnvelope.CURRENT_VERSION, at, orderId,
                correlationId, source, data);
    }
}
