package eventshop.analytics.messaging;

/** Names of the topology's state stores: the processors write them, the HTTP API queries them. */
public final class SalesStores {

    /** Event id to when it was seen (window store): recognises a redelivered or replayed event. */
    public static final String SEEN_EVENTS = "seen-events";
    /** Order id to its lines and stage: the table of placed orders the confirmations and cancellations join. */
    public static final String PLACED_ORDERS = "placed-orders";
    /** SKU to the product's name, price and stock, from the compacted shop.catalog: every product, sold or not. */
    public static final String CATALOG = "catalog";
    /** SKU to units and revenue since the beginning. */
    public static final String PRODUCT_TOTALS = "product-totals";
    /** SKU and one-minute window to units and revenue in it. */
    public static final String PRODUCT_MINUTES = "product-minutes";
    /** The shop-wide key to orders by step, units and revenue since the beginning. */
    public static final String SHOP_TOTALS = "shop-totals";
    /** The shop-wide key and one-minute window to orders by step, units and revenue in it. */
    public static final String SHOP_MINUTES = "shop-minutes";
    /** The shop-wide key to the one-minute window that changed last, for the live chart. */
    public static final String LATEST_MINUTE = "latest-minute";
    /** The shop-wide key to every product's running figures, for the best sellers. */
    public static final String PRODUCT_RANKING = "product-ranking";

    private SalesStores() {
    }
}
