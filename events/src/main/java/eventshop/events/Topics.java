package eventshop.events;

import java.util.List;

/** The one home of topic names and their settings; every producer, consumer and deployment file reads them here. */
public final class Topics {

    public static final String ORDERS = "shop.orders";
    public static final String INVENTORY = "shop.inventory";
    public static final String NOTIFICATIONS = "shop.notifications";
    public static final String CATALOG = "shop.catalog";
    public static final String DEADLETTER = "shop.deadletter";

    /** Every topic of the shop matches it, so a consumer subscribed by pattern sees new topics without code changes. */
    public static final String ALL_PATTERN = "shop\\..*";

    public static final int DEFAULT_PARTITIONS = 3;

    /** A topic as it must exist on the broker. A compacted topic keeps the latest record per key. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(ORDERS, DEFAULT_PARTITIONS, false),
            new Spec(INVENTORY, DEFAULT_PARTITIONS, false),
            new Spec(NOTIFICATIONS, DEFAULT_PARTITIONS, false),
            new Spec(CATALOG, DEFAULT_PARTITIONS, true),
            new Spec(DEADLETTER, DEFAULT_PARTITIONS, false));

    private Topics() {
    }
}
