package eventshop.orders.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.util.UUID;

@MappedEntity("order_line")
public record OrderLineEntity(@Id @GeneratedValue @Nullable Long id, UUID orderId, int lineNo, String sku,
                              String productName, BigDecimal unitPrice, int quantity) {
}
