package eventshop.inventory.api;

import eventshop.events.StockReplenished;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many units to add: at least one, and no more than a plausible delivery. */
@Serdeable
public record RestockRequest(@NotNull @Min(1) @Max(StockReplenished.MAX_QUANTITY) Integer quantity) {
}
