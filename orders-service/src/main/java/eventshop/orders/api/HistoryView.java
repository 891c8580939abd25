package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventshop.orders.domain.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryView(OrderStatus status, Instant at, @Nullable String reason) {
}
