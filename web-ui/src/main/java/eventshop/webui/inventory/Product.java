package eventshop.webui.inventory;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A product with its stock, as inventory-notification-service shows it. */
@Serdeable
public record Product(String sku, String name, String description, BigDecimal price, String currency, int stock,
                      int lowWaterMark, boolean lowStock) {

    /** The top of the stock bar: room above the low-water mark so that both are visible. */
    public int gaugeMax() {
        return Math.max(Math.max(stock, lowWaterMark * 4), 10);
    }
}
