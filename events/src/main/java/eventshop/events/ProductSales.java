package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * What one product has sold so far: units and revenue of confirmed orders minus cancelled ones. Keyed by SKU on the
 * compacted {@link Topics#SALES} topic, so its latest record per SKU is the product's current figure.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ProductSales(@NotBlank String sku, @NotBlank String name, long units, @NotNull BigDecimal revenue,
                           @NotBlank String currency) implements DomainEvent {
}
