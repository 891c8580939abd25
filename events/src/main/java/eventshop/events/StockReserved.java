package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

@Serdeable
public record StockReserved(@NotEmpty List<@NotNull @Valid StockLine> lines) implements DomainEvent {
}
