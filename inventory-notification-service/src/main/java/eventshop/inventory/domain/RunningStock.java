package eventshop.inventory.domain;

import eventshop.events.StockLine;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stock of the products one poll has locked, as the poll's decisions change it: each order is decided against
 * what the orders before it in the poll left, and each product is written once when the poll ends.
 */
public final class RunningStock {

    private final Map<String, Integer> before;
    private final Map<String, Integer> current;

    /** @param locked the stock of each locked product as read under its lock */
    public RunningStock(Map<String, Integer> locked) {
        this.before = Map.copyOf(locked);
        this.current = new HashMap<>(locked);
    }

    /** Decides all or nothing against the stock left by the poll's earlier decisions. */
    public Allocation allocate(StockRequest request) {
        return request.allocate(current);
    }

    /** Takes what {@link #allocate} found possible. */
    public void take(Iterable<StockLine> lines) {
        for (StockLine line : lines) {
            int left = stockOf(line.sku()) - line.quantity();
            if (left < 0) {
                throw new IllegalStateException("taking " + line + " would oversell: only " + stockOf(line.sku()));
            }
            current.put(line.sku(), left);
        }
    }

    public void giveBack(Iterable<StockLine> lines) {
        for (StockLine line : lines) {
            current.put(line.sku(), Math.addExact(stockOf(line.sku()), line.quantity()));
        }
    }

    /** The stock of a locked product as read before the poll changed it. */
    public int before(String sku) {
        return before.get(sku);
    }

    /** The products whose stock the poll changed, with their stock now, in SKU order. */
    public SortedMap<String, Integer> changed() {
        SortedMap<String, Integer> changed = new TreeMap<>();
        current.forEach((sku, stock) -> {
            if (!stock.equals(before.get(sku))) {
                changed.put(sku, stock);
            }
        });
        return changed;
    }

    private int stockOf(String sku) {
        Integer stock = current.get(sku);
        if (stock == null) {
            // The poll locks every product it may change before deciding anything; this one it did not.
            throw new IllegalStateException("product " + sku + " was not locked by this poll");
        }
        return stock;
    }
}
