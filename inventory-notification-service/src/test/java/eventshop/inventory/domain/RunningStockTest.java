package eventshop.inventory.domain;

import eventshop.events.OrderLine;
import eventshop.events.Shortage;
import eventshop.events.StockLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningStockTest {

    private static StockRequest request(OrderLine... lines) {
        return StockRequest.of(List.of(lines));
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, sku, BigDecimal.ONE, quantity);
    }

    @Test
    void eachOrderIsDecidedAgainstWhatTheOrdersBeforeItLeft() {
        RunningStock stock = new RunningStock(Map.of("A", 3, "B", 10));
        Allocation first = stock.allocate(request(line("A", 2), line("B", 1)));
        assertThat(first.possible()).isTrue();
        stock.take(first.request().lines());

        Allocation second = stock.allocate(request(line("A", 2), line("B", 1)));
        assertThat(second.possible()).isFalse();
        assertThat(second.allShortages()).containsExactly(new Shortage("A", 2, 1));
        assertThat(stock.changed()).containsExactly(Map.entry("A", 1), Map.entry("B", 9));
        assertThat(stock.before("A")).isEqualTo(3);
    }

    @Test
    void stockTakenAndGivenBackInTheSamePollIsNoChange() {
        RunningStock stock = new RunningStock(Map.of("A", 3));
        stock.take(List.of(new StockLine("A", 2)));
        stock.giveBack(List.of(new StockLine("A", 2)));
        assertThat(stock.changed()).isEmpty();
    }

    @Test
    void aProductThePollDidNotLockCannotBeChanged() {
        RunningStock stock = new RunningStock(Map.of("A", 3));
        assertThatThrownBy(() -> stock.giveBack(List.of(new StockLine("Z", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not locked");
    }
}
