package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

@Serdeable
public record OrderConfirmed(@NotNull @Valid Customer customer, @NotNull BigDecimal total, @NotBlank String currency)
        implements DomainEvent {
}
