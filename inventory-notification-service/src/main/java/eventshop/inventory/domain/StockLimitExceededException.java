package eventshop.inventory.domain;

/** A restock that would take a product's stock above {@link StockLevel#MAX_STOCK}. */
public final class StockLimitExceededException extends DomainException {

    public StockLimitExceededException(String sku, int quantity, int stock) {
        super("restocking " + sku + " by " + quantity + " would take its stock from " + stock
                + " above the maximum of " + StockLevel.MAX_STOCK);
    }
}
