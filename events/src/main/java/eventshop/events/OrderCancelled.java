package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Carries the customer so the inventory side can tell them about the released stock without asking anyone. */
@Serdeable
public record OrderCancelled(@NotNull @Valid Customer customer, @NotBlank String reason) implements DomainEvent {
}
