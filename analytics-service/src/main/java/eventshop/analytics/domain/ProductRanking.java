package eventshop.analytics.domain;

import eventshop.events.TopProduct;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every product's running figures in one place, so the best sellers of the whole shop can be picked. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ProductRanking(Map<String, ProductFigures> bySku) {

    private static final Comparator<Map.Entry<String, ProductFigures>> BEST_FIRST = Comparator
            .<Map.Entry<String, ProductFigures>, java.math.BigDecimal>comparing(e -> e.getValue().revenue()).reversed()
            .thenComparing(e -> e.getValue().units(), Comparator.reverseOrder())
            .thenComparing(Map.Entry::getKey);

    public ProductRanking {
        bySku = Map.copyOf(bySku);
    }

    public static ProductRanking none() {
        return new ProductRanking(Map.of());
    }

    public ProductRanking with(String sku, ProductFigures figures) {
        Map<String, ProductFigures> next = new HashMap<>(bySku);
        next.put(sku, figures);
        return new ProductRanking(next);
    }

    /** Takes back a product's previous figures; figures already replaced by newer ones are kept. */
    public ProductRanking without(String sku, ProductFigures previous) {
        if (!previous.equals(bySku.get(sku))) {
            return this;
        }
        Map<String, ProductFigures> next = new HashMap<>(bySku);
        next.remove(sku);
        return new ProductRanking(next);
    }

    /** The {@code limit} best sellers by revenue (then units), leaving out products whose sales were all taken back. */
    public List<TopProduct> top(int limit) {
        return bySku.entrySet().stream().filter(e -> e.getValue().units() > 0).sorted(BEST_FIRST).limit(limit)
                .map(e -> new TopProduct(e.getKey(), e.getValue().name(), e.getValue().units(), e.getValue().revenue()))
                .toList();
    }
}
