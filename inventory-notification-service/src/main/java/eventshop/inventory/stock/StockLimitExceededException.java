package eventshop.inventory.stock;

public class StockLimitExceededException extends RuntimeException {

    public StockLimitExceededException(String sku, int stock, int quantity, int max) {
        super("restocking " + sku + " by " + quantity + " would take its stock from " + stock + " above the maximum of "
                + max);
    }
}
