package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/** Exactly what the original coffee-order API answered. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegacyOrderResponse(boolean success, String msg, @Nullable UUID orderId) {
}
