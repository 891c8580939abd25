package eventshop.orders.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Optional body of a cancellation; without a reason the order is "Cancelled by customer". */
@Serdeable
public record CancelRequest(@Nullable @Size(max = 500) String reason) {
}
