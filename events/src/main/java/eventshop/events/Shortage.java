package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/** A line that could not be reserved: how much was asked for and how much there was. */
@Serdeable
public record Shortage(@NotBlank String sku, @PositiveOrZero int requested, @PositiveOrZero int available) {
}
