package eventshop.webui.live;

import eventshop.events.Customer;
import eventshop.events.NotificationSent;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What anonymous visitors see of a customer in the ticker: initials and a masked address. */
class MaskingTest {

    @Test
    void namesBecomeInitialsAndAddressesKeepOnlyTheirFirstLetterAndDomain() {
        assertEquals("J. D.", Masking.name("Jean Dupont"));
        assertEquals("J. D.", Masking.name("  jean   dupont "));
        assertEquals("É.", Masking.name("Élodie"));
        assertEquals("j***@example.com", Masking.email("jean@example.com"));
        assertEquals("***", Masking.email("not-an-address"));
        assertEquals("", Masking.name(""));
    }

    @Test
    void maskedSentencesNameNobody() {
        Customer jean = new Customer("Jean Dupont", "jean@example.com");
        OrderPlaced placed = new OrderPlaced(jean, List.of(new OrderLine("ESP-001", "Espresso", new BigDecimal("2.20"), 2)),
                new BigDecimal("4.40"), "EUR");
        assertEquals("J. D. ordered 2 × Espresso · 4.40 EUR", Summaries.masked(placed));
        assertEquals("Jean Dupont ordered 2 × Espresso · 4.40 EUR", Summaries.of(placed));
        String confirmed = Summaries.masked(new OrderConfirmed(jean, new BigDecimal("4.40"), "EUR"));
        assertFalse(confirmed.contains("Jean"), confirmed);
        NotificationSent told = new NotificationSent(java.util.UUID.randomUUID(), "CUSTOMER", "jean@example.com",
                "log", "Order confirmed", "Thank you");
        assertEquals("told j***@example.com: Order confirmed", Summaries.masked(told));
    }
}
