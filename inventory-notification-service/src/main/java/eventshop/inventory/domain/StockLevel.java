package eventshop.inventory.domain;

/** Stock of one product against its low-water mark. Low means strictly below the mark. */
public record StockLevel(int stock, int lowWaterMark) {

    /** No shelf holds more; keeps stock far from int overflow whatever is restocked. */
    public static final int MAX_STOCK = 1_000_000;

    public boolean low() {
        return stock < lowWaterMark;
    }

    /** True only for the change that takes stock from at-or-above the mark to below it: one alert per crossing. */
    public static boolean crossedDown(int before, int after, int lowWaterMark) {
        return !new StockLevel(before, lowWaterMark).low() && new StockLevel(after, lowWaterMark).low();
    }
}
