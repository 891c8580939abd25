package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/** A priced order line: everything a consumer needs, so nobody has to call the catalog (event-carried state). */
@Serdeable
public record OrderLine(@NotBlank String sku, @NotBlank String productName, @NotNull @PositiveOrZero BigDecimal unitPrice,
                        @Positive int quantity) {

    /**
     * The most of one product a single order line may ask for: orders-service refuses more when an order is placed,
     * and the web form says so before sending. An event only requires a positive quantity.
     */
    public static final int MAX_QUANTITY = 100;

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
