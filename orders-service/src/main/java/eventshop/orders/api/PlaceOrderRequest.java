package eventshop.orders.api;

import eventshop.orders.domain.RequestedLine;
import eventshop.orders.service.NewOrder;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a client sends to place an order: who, and which SKUs in what quantity. Prices come from the catalog. */
@Serdeable
@Schema(description = "A new order. Names and prices come from the service's catalog, never from the client.")
public record PlaceOrderRequest(
        @NotNull @Valid CustomerRequest customer,
        @NotEmpty(message = "must contain at least one line")
        @Size(max = MAX_LINES, message = "must not contain more than " + MAX_LINES + " lines")
        List<@NotNull @Valid LineRequest> lines) {

    public static final int MAX_LINES = 20;

    /** Once valid: what the placement service takes, the same for REST and gRPC. */
    public NewOrder toNewOrder() {
        return new NewOrder(customer.name(), customer.email(),
                lines.stream().map(l -> new RequestedLine(l.sku(), l.quantity())).toList());
    }
}
