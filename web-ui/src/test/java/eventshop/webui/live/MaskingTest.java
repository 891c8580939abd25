package eventshop.webui.live;

import eventshop.events.Customer;
import eventshop.events.NotificationSent;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;


/** What anonymous visitors see of a customer in the ticker: initials and a masked address. */
class MaskingTest {

    @Test
    void namesBecomeInitialsAndAddressesKeepOnlyTheirFirstLetterAndDomain() {
        assertThat(Masking.name("Jean Dupont")).isEqualTo("J. D.");
        assertThat(Masking.name("  jean   dupont ")).isEqualTo("J. D.");
        assertThat(Masking.name("Élodie")).isEqualTo("É.");
        assertThat(Masking.email("jean@example.com")).isEqualTo("j***@example.com");
        assertThat(Masking.email("not-an-address")).isEqualTo("***");
        assertThat(Masking.name("")).isEqualTo("");
    }

    @Test
    void maskedSentencesNameNobody() {
        Customer jean = new Customer("Jean Dupont", "jean@example.com");
        OrderPlaced placed = new OrderPlaced(jean, List.of(new OrderLine("ESP-001", "Espresso", new BigDecimal("2.20"), 2)),
                new BigDecimal("4.40"), "EUR");
        assertThat(Summaries.masked(placed)).isEqualTo("J. D. ordered 2 × Espresso · 4.40 EUR");
        assertThat(Summaries.of(placed)).isEqualTo("Jean Dupont ordered 2 × Espresso · 4.40 EUR");
        String confirmed = Summaries.masked(new OrderConfirmed(jean, new BigDecimal("4.40"), "EUR"));
        assertThat(confirmed.contains("Jean")).as(confirmed).isFalse();
        NotificationSent told = new NotificationSent(java.util.UUID.randomUUID(), "CUSTOMER", "jean@example.com",
                "log", "Order confirmed", "Thank you");
        assertThat(Summaries.masked(told)).isEqualTo("told j***@example.com: Order confirmed");
    }
}
