package eventshop.orders.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The framework-free rules: lifecycle transitions, pricing, legacy e-mail placeholders. */
class OrderRulesTest {

    @ParameterizedTest
    @CsvSource({"PENDING,CONFIRMED,APPLY", "PENDING,REJECTED,APPLY", "CONFIRMED,CONFIRMED,ALREADY_DONE",
            "REJECTED,REJECTED,ALREADY_DONE", "CANCELLED,CONFIRMED,SUPERSEDED_BY_CANCELLATION",
            "CANCELLED,REJECTED,SUPERSEDED_BY_CANCELLATION", "CONFIRMED,REJECTED,IMPOSSIBLE",
            "REJECTED,CONFIRMED,IMPOSSIBLE"})
    void inventoryOutcomes(OrderStatus current, OrderStatus outcome, Transition expected) {
        assertThat(Transition.forInventoryOutcome(current, outcome)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CONFIRMED,SUPERSEDED_BY_TIME_OUT", "REJECTED,SUPERSEDED_BY_TIME_OUT"})
    void anAnswerAfterTheTimeOutIsLateNotImpossible(OrderStatus outcome, Transition expected) {
        assertThat(Transition.forInventoryOutcome(OrderStatus.REJECTED, outcome, true)).isEqualTo(expected);
    }

    @Test
    void aTimeOutIsRecognisedByItsReason() {
        String reason = PendingTimeOut.reason(java.time.Duration.ofMinutes(2));
        assertThat(reason).isEqualTo("Timed out: the stock check did not answer within 2 minutes");
        assertThat(PendingTimeOut.isTimeOut(OrderStatus.REJECTED, reason)).isTrue();
        assertThat(PendingTimeOut.isTimeOut(OrderStatus.REJECTED, "not enough stock: 3 x ESP-001")).isFalse();
        assertThat(PendingTimeOut.isTimeOut(OrderStatus.CANCELLED, reason)).isFalse();
        assertThat(PendingTimeOut.reason(java.time.Duration.ofMillis(1500))).endsWith("within 1500 ms");
    }

    @Test
    void onlyPendingAndConfirmedOrdersAreCancellable() {
        assertThat(List.of(OrderStatus.values())).filteredOn(OrderStatus::isCancellable)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void pricesFromTheCatalogAndNamesEveryBadLine() {
        Map<String, CatalogEntry> catalog = Map.of("A", new CatalogEntry("A", "Alpha", new BigDecimal("1.25"), "EUR"));
        PricedOrder priced = OrderPricing.price(List.of(new RequestedLine("A", 4)), catalog);
        assertThat(priced.total()).isEqualByComparingTo("5.00");
        assertThat(priced.lines().get(0).productName()).isEqualTo("Alpha");

        assertThatThrownBy(() -> OrderPricing.price(List.of(new RequestedLine("A", 1), new RequestedLine("X", 1),
                new RequestedLine("A", 2)), catalog))
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("lines[1].sku", "lines[2].sku"));
    }

    @ParameterizedTest
    @CsvSource({"Jean Dupont,jean.dupont@legacy.invalid", "  Élodie  O'Brien ,elodie.o.brien@legacy.invalid",
            "!!!,customer@legacy.invalid"})
    void legacyCustomersGetAnUndeliverablePlaceholderAddress(String name, String email) {
        assertThat(LegacyCustomer.placeholderEmail(name)).isEqualTo(email);
    }
}
