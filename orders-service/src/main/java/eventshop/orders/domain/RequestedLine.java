package eventshop.orders.domain;

/** A line as the customer asked for it: a SKU and how many. Price and name come from the catalog, never the client. */
public record RequestedLine(String sku, int quantity) {
}
