package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** No line was reserved; {@code shortages} names each line that was short (empty when the reason is not stock). */
// ALWAYS: Serde omits empty values by default, and an omitted @NotNull field would then fail decoding.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record StockRejected(@NotBlank String reason, @NotNull List<@NotNull @Valid Shortage> shortages)
        implements DomainEvent {
}
