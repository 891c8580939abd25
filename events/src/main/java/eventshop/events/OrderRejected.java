package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record OrderRejected(@NotNull @Valid Customer customer, @NotBlank String reason) implements DomainEvent {
}
