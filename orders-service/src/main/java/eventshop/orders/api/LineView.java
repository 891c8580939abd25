package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LineView(String sku, String productName, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {
}
