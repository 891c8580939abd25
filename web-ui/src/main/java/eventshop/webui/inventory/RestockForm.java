package eventshop.webui.inventory;

import eventshop.events.StockReplenished;
import eventshop.webui.forms.WholeNumber;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * One row's restock form as posted. The quantity follows inventory-notification-service's rule, from the one
 * constant both use; it is named as the restock API names it, so the service's refusal lands on the same field.
 *
 * @param idempotencyKey the form's hidden key: one filled-in form is one restock, however often it is sent
 */
@Serdeable
@Introspected
public record RestockForm(@NotBlank(message = "Enter a quantity.")
                          @WholeNumber(min = 1, max = StockReplenished.MAX_QUANTITY) @Nullable String quantity,
                          @Nullable String idempotencyKey) {

    public int quantityValue() {
        return Integer.parseInt(quantity.trim());
    }
}
