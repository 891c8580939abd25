package eventshop.orders.api;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Which page of the order list, for REST's query values and gRPC's ListOrders alike: page from 0, 1 to 100 rows. */
@Introspected
public record OrderListQuery(@QueryValue @Nullable OrderStatus status,
                             @QueryValue(defaultValue = "0") @Min(0) int page,
                             @QueryValue(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
}
