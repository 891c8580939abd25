package eventshop.analytics.domain;

import eventshop.events.Customer;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderSalesTest {

    static final Customer ADA = new Customer("Ada", "ada@example.com");
    static final OrderPlaced PLACED = new OrderPlaced(ADA, List.of(new OrderLine("ESP-001", "Espresso",
            new BigDecimal("2.20"), 3)), new BigDecimal("6.60"), "EUR");
    static final OrderConfirmed CONFIRMED = new OrderConfirmed(ADA, new BigDecimal("6.60"), "EUR");

    @Test
    void aConfirmationSellsThePlacedLinesAndACancellationTakesThemBack() {
        OrderSales.Step placed = OrderSales.apply(null, PLACED);
        OrderSales.Step confirmed = OrderSales.apply(placed.order(), CONFIRMED);
        OrderSales.Step cancelled = OrderSales.apply(confirmed.order(), new OrderCancelled(ADA, "no"));

        assertThat(placed.fact().units()).isZero();
        assertThat(confirmed.fact().units()).isEqualTo(3);
        assertThat(confirmed.fact().revenue()).isEqualByComparingTo("6.60");
        assertThat(cancelled.fact().units()).isEqualTo(-3);
        assertThat(cancelled.fact().revenue()).isEqualByComparingTo("-6.60");
        assertThat(cancelled.forget()).isTrue();
    }

    @Test
    void eventsThatDoNotFitTheOrdersStageChangeNothing() {
        assertThat(OrderSales.apply(null, CONFIRMED).fact()).as("confirmation of an unknown order").isNull();
        OrderSales.Step confirmed = OrderSales.apply(OrderSales.apply(null, PLACED).order(), CONFIRMED);
        assertThat(OrderSales.apply(confirmed.order(), CONFIRMED).fact()).as("a second confirmation").isNull();
        assertThat(OrderSales.apply(confirmed.order(), new OrderRejected(ADA, "late")).fact())
                .as("a rejection after the confirmation").isNull();
        assertThat(OrderSales.apply(confirmed.order(), PLACED).fact()).as("the order placed again").isNull();
    }

    @Test
    void theRankingKeepsNewerFiguresWhenTheOldOnesAreTakenBackLate() {
        ProductFigures three = new ProductFigures("Espresso", 3, new BigDecimal("6.60"), "EUR");
        ProductFigures two = new ProductFigures("Espresso", 2, new BigDecimal("4.40"), "EUR");

        ProductRanking ranking = ProductRanking.none().with("ESP-001", three).with("ESP-001", two)
                .without("ESP-001", three);

        assertThat(ranking.top(5)).singleElement().satisfies(top -> assertThat(top.units()).isEqualTo(2));
        assertThat(ranking.without("ESP-001", two).top(5)).isEmpty();
    }
}
