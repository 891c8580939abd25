package eventshop.inventory.domain;

import eventshop.events.OrderLine;
import eventshop.events.StockLine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an order asks of the stock: one quantity per SKU (an order may name a SKU on several lines), in SKU order, the
 * order in which rows are locked.
 */
public record StockRequest(SortedMap<String, Integer> quantities) {

    public StockRequest {
        quantities = Collections.unmodifiableSortedMap(new TreeMap<>(quantities));
    }

    /** @throws ArithmeticException when a SKU's total quantity does not fit in an int (nonsense, not stock) */
    public static StockRequest of(List<OrderLine> lines) {
        SortedMap<String, Integer> quantities = new TreeMap<>();
        for (OrderLine line : lines) {
            quantities.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return new StockRequest(quantities);
    }

    public List<StockLine> lines() {
        return quantities.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }

    /** Decides all or nothing against the stock that is available now (missing SKUs count as unknown products). */
    public Allocation allocate(Map<String, Integer> available) {
        return Allocation.decide(this, available);
    }
}
