package eventshop.orders.domain;

import java.math.BigDecimal;

public record PricedLine(String sku, String productName, BigDecimal unitPrice, int quantity) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
