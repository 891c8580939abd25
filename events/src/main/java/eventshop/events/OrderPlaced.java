package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.util.List;

@Serdeable
public record OrderPlaced(@NotNull @Valid Customer customer, @NotEmpty List<@NotNull @Valid OrderLine> lines,
                          @NotNull @PositiveOrZero BigDecimal total, @NotBlank String currency) implements DomainEvent {
}
