package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

@Serdeable
public record StockReplenished(@NotBlank String sku, @Positive int quantity, @PositiveOrZero int stock)
        implements DomainEvent {
}
