package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/** The full current state of one product, keyed by SKU on the compacted catalog topic. */
// ALWAYS: Serde omits empty values by default, and an omitted @NotNull field would then fail decoding.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ProductSnapshot(@NotBlank String sku, @NotBlank String name, @NotNull String description,
                              @NotNull @PositiveOrZero BigDecimal price, @NotBlank String currency,
                              @PositiveOrZero int stock, @PositiveOrZero int lowWaterMark) implements DomainEvent {
}
