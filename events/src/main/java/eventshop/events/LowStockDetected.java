package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

@Serdeable
public record LowStockDetected(@NotBlank String sku, @NotBlank String productName, @PositiveOrZero int stock,
                               @PositiveOrZero int lowWaterMark) implements DomainEvent {
}
