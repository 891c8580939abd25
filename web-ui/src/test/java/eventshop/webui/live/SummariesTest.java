package eventshop.webui.live;

import eventshop.events.Customer;
import eventshop.events.DomainEvent;
import eventshop.events.EventTypes;
import eventshop.events.LowStockDetected;
import eventshop.events.NotificationSent;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.ProductSales;
import eventshop.events.ProductSnapshot;
import eventshop.events.ShopSales;
import eventshop.events.Shortage;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReleased;
import eventshop.events.StockReplenished;
import eventshop.events.StockReserved;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;


/** The ticker's sentence says what happened to whom; it never just repeats the event's type. */
class SummariesTest {

    private static final Customer ADA = new Customer("Ada Lovelace", "ada@example.com");
    private static final List<StockLine> LINES = List.of(new StockLine("ESP-001", 2), new StockLine("MUG-001", 1));

    @Test
    void everyEventTypeHasASentenceOfItsOwn() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(type(placed()), "Ada Lovelace ordered 2 × Espresso, 1 × Shop mug · 14.00 EUR");
        expected.put(type(new OrderConfirmed(ADA, new BigDecimal("14"), "EUR")),
                "Ada Lovelace's order is confirmed · 14.00 EUR");
        expected.put(type(new OrderRejected(ADA, "not enough Espresso")),
                "Ada Lovelace's order was rejected: not enough Espresso");
        expected.put(type(new OrderCancelled(ADA, "changed my mind")),
                "Ada Lovelace's order was cancelled: changed my mind");
        expected.put(type(new StockReserved(LINES)), "reserved 2 × ESP-001, 1 × MUG-001");
        expected.put(type(new StockRejected("not enough stock", List.of(new Shortage("ESP-001", 50, 3)))),
                "could not reserve: not enough stock");
        expected.put(type(new StockReleased(LINES)), "put back on the shelf: 2 × ESP-001, 1 × MUG-001");
        expected.put(type(new StockReplenished("ESP-001", 10, 13)), "ESP-001 restocked with 10, now 13 in stock");
        expected.put(type(new LowStockDetected("MUG-001", "Shop mug", 2, 3)),
                "Shop mug is running low: 2 left (low-water mark 3)");
        expected.put(type(new ProductSnapshot("MUG-001", "Shop mug", "Stoneware", new BigDecimal("9"), "EUR", 2, 3)),
                "Shop mug: 2 in stock at 9.00 EUR");
        expected.put(type(new NotificationSent(UUID.randomUUID(), "CUSTOMER", "ada@example.com", "EMAIL",
                "Your order is confirmed", "Thank you.")), "told ada@example.com: Your order is confirmed");
        expected.put(type(new ProductSales("ESP-001", "Espresso", 4, new BigDecimal("8.8"), "EUR")),
                "Espresso has sold 4 for 8.80 EUR");
        expected.put(type(new ShopSales(null, 3, 2, 1, 1, 0.6667, 0.3333, 4, new BigDecimal("8.8"), "EUR",
                List.of())), "the shop has sold 4 units for 8.80 EUR");

        assertThat(expected.keySet()).as("a sentence for every event type").isEqualTo(EventTypes.names());
        SAMPLES.forEach((type, event) -> {
            String sentence = Summaries.of(event);
            assertThat(sentence).isEqualTo(expected.get(type));
            assertThat(sentence.contains(type)).as("the sentence repeats the type " + type).isFalse();
        });
    }

    private static final Map<String, DomainEvent> SAMPLES = new LinkedHashMap<>();

    private static String type(DomainEvent event) {
        SAMPLES.put(event.type(), event);
        return event.type();
    }

    private static OrderPlaced placed() {
        return new OrderPlaced(ADA, List.of(new OrderLine("ESP-001", "Espresso", new BigDecimal("2.50"), 2),
                new OrderLine("MUG-001", "Shop mug", new BigDecimal("9.00"), 1)), new BigDecimal("14.00"), "EUR");
    }
}
