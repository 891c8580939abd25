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

class AllocationTest {

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, sku, BigDecimal.ONE, quantity);
    }

    @Test
    void linesOfTheSameSkuAreAddedUpAndSortedBySku() {
        StockRequest request = StockRequest.of(List.of(line("B", 1), line("A", 2), line("B", 3)));
        assertThat(request.lines()).containsExactly(new StockLine("A", 2), new StockLine("B", 4));
    }

    @Test
    void quantitiesThatOverflowAreRefused() {
        assertThatThrownBy(() -> StockRequest.of(List.of(line("A", Integer.MAX_VALUE), line("A", 1))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void everyLineAvailableIsPossible() {
        Allocation allocation = StockRequest.of(List.of(line("A", 2), line("B", 5)))
                .allocate(Map.of("A", 2, "B", 9));
        assertThat(allocation.possible()).isTrue();
        assertThat(allocation.allShortages()).isEmpty();
    }

    @Test
    void oneShortLineRejectsTheWholeOrderAndNamesEveryFailedLine() {
        Allocation allocation = StockRequest.of(List.of(line("A", 2), line("B", 5), line("X", 1)))
                .allocate(Map.of("A", 2, "B", 3));
        assertThat(allocation.possible()).isFalse();
        assertThat(allocation.allShortages()).containsExactly(new Shortage("B", 5, 3), new Shortage("X", 1, 0));
        assertThat(allocation.rejectionReason())
                .isEqualTo("unknown product X; not enough stock: B requested 5, available 3");
    }

    @Test
    void lowStockIsAlertedOncePerCrossingOfTheMark() {
        assertThat(StockLevel.crossedDown(3, 1, 2)).isTrue();
        assertThat(StockLevel.crossedDown(2, 1, 2)).isTrue();
        assertThat(StockLevel.crossedDown(3, 2, 2)).isFalse();
        assertThat(StockLevel.crossedDown(1, 0, 2)).isFalse();
        assertThat(StockLevel.crossedDown(0, 5, 2)).isFalse();
        assertThat(new StockLevel(1, 2).low()).isTrue();
        assertThat(new StockLevel(2, 2).low()).isFalse();
    }
}
