package eventshop.orders.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prices requested lines from the catalog, reporting every line that cannot be ordered, not just the first. */
public final class OrderPricing {

    private OrderPricing() {
    }

    /** @throws InvalidOrderException naming each duplicate or unknown SKU, or lines in different currencies */
    public static PricedOrder price(List<RequestedLine> requested, Map<String, CatalogEntry> catalog) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<PricedLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            RequestedLine line = requested.get(i);
            CatalogEntry product = catalog.get(line.sku());
            if (!seen.add(line.sku())) {
                errors.add(new FieldError("lines[" + i + "].sku",
                        "duplicate SKU '" + line.sku() + "': put the whole quantity on one line"));
            } else if (product == null) {
                errors.add(new FieldError("lines[" + i + "].sku", "unknown SKU '" + line.sku() + "'"));
            } else {
                lines.add(new PricedLine(product.sku(), product.name(), product.price(), line.quantity()));
            }
        }
        Set<String> currencies = new HashSet<>();
        lines.forEach(line -> currencies.add(catalog.get(line.sku()).currency()));
        if (currencies.size() > 1) {
            errors.add(new FieldError("lines", "products priced in different currencies " + currencies
                    + " cannot be ordered together"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        BigDecimal total = lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PricedOrder(List.copyOf(lines), total, currencies.iterator().next());
    }
}
