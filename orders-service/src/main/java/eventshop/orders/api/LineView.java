package eventshop.orders.api;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

@Serdeable
public record LineView(String sku, String productName, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {
}
