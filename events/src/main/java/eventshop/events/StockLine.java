package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

@Serdeable
public record StockLine(@NotBlank String sku, @Positive int quantity) {
}
