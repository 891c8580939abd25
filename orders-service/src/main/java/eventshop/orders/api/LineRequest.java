package eventshop.orders.api;

import eventshop.events.OrderLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record LineRequest(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {
}
