package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The original coffee-order API's body, field names included. */
@Serdeable
public record LegacyOrderRequest(@JsonProperty("customer_name") @Nullable @NotBlank @Size(max = 100) String customerName,
                                 @JsonProperty("coffee_type") @Nullable @NotBlank @Size(max = 100) String coffeeType) {
}
