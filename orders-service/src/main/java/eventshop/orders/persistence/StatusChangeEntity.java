package eventshop.orders.persistence;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("order_status_change")
public record StatusChangeEntity(@Id @GeneratedValue @Nullable Long id, UUID orderId, OrderStatus status,
                                 @Nullable String reason, Instant at) {
}
