package eventshop.events;

import java.util.List;

/** The one home of topic names and their settings; every producer, consumer and deployment file reads them here. */
public final class Topics {

    public static final String ORDERS = "shop.orders";
    public static final String INVENTORY = "shop.inventory";
    public static final String NOTIFICATIONS = "shop.notifications";
    public static final String CATALOG = "shop.catalog";
    public static final String DEADLETTER = "shop.deadletter";
    /** Sales figures computed by analytics-service: per product (key SKU) and shop-wide (key {@link ShopSales#KEY}). */
    public static final String SALES = "shop.sales";

    /** Every topic of the shop matches it, so a consumer subscribed by pattern sees new topics without code changes. */
    public static final String ALL_PATTERN = "shop\\..*";

    public static final int DEFAULT_PARTITIONS = 3;

    /**
     * A topic as it must exist on the broker, and who consumes it (services by their application name). A compacted
     * topic keeps the latest record per key. The consumers are the code's answer to "who reacts to this topic": the
     * web UI's timeline draws its arrows from them, and documentation/architecture.md's topics table must list the
     * same (its drift test checks).
     */
    public record Spec(String name, int partitions, boolean compacted, List<String> consumers) {

        public Spec {
            consumers = List.copyOf(consumers);
        }

        /** A topic nobody in the shop consumes (a test's own topic, say). */
        public Spec(String name, int partitions, boolean compacted) {
            this(name, partitions, compacted, List.of());
        }
    }

    public static final List<Spec> ALL = List.of(
            new Spec(ORDERS, DEFAULT_PARTITIONS, false,
                    List.of("inventory-notification-service", "analytics-service", "audit-service", "web-ui")),
            new Spec(INVENTORY, DEFAULT_PARTITIONS, false, List.of("orders-service", "audit-service", "web-ui")),
            new Spec(NOTIFICATIONS, DEFAULT_PARTITIONS, false, List.of("audit-service", "web-ui")),
            new Spec(CATALOG, DEFAULT_PARTITIONS, true,
                    List.of("orders-service", "analytics-service", "audit-service", "web-ui")),
            new Spec(DEADLETTER, DEFAULT_PARTITIONS, false, List.of("audit-service", "web-ui")),
            new Spec(SALES, DEFAULT_PARTITIONS, true, List.of("audit-service", "web-ui")));

    /** The spec of a topic of the shop, if it is one. */
    public static java.util.Optional<Spec> spec(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    private Topics() {
    }
}
