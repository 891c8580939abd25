package eventshop.inventory.domain;

import eventshop.events.Shortage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The all-or-nothing decision about an order: either every line can be served, or none is and each short line says
 * how much was asked for and how much there is. Products that do not exist are reported with their own reason.
 */
public record Allocation(StockRequest request, List<Shortage> shortages, List<String> unknownSkus) {

    static Allocation decide(StockRequest request, Map<String, Integer> available) {
        List<Shortage> shortages = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        request.quantities().forEach((sku, requested) -> {
            Integer inStock = available.get(sku);
            if (inStock == null) {
                unknown.add(sku);
            } else if (inStock < requested) {
                shortages.add(new Shortage(sku, requested, inStock));
            }
        });
        return new Allocation(request, List.copyOf(shortages), List.copyOf(unknown));
    }

    public boolean possible() {
        return shortages.isEmpty() && unknownSkus.isEmpty();
    }

    /** A sentence for the customer and the StockRejected event, naming every line that failed. */
    public String rejectionReason() {
        List<String> parts = new ArrayList<>();
        if (!unknownSkus.isEmpty()) {
            parts.add("unknown product " + String.join(", ", unknownSkus));
        }
        if (!shortages.isEmpty()) {
            parts.add("not enough stock: " + shortages.stream()
                    .map(s -> s.sku() + " requested " + s.requested() + ", available " + s.available())
                    .collect(Collectors.joining("; ")));
        }
        return String.join("; ", parts);
    }

    /** Unknown products are reported as shortages with nothing available, so the event names every failed line. */
    public List<Shortage> allShortages() {
        List<Shortage> all = new ArrayList<>(shortages);
        unknownSkus.forEach(sku -> all.add(new Shortage(sku, request.quantities().get(sku), 0)));
        return all;
    }
}
