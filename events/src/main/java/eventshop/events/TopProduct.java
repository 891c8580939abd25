package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** One of the best-selling products, by revenue, in a {@link ShopSales}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record TopProduct(@NotBlank String sku, @NotBlank String name, long units, @NotNull BigDecimal revenue) {
}
