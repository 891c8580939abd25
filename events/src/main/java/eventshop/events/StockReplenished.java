package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

@Serdeable
public record StockReplenished(@NotBlank String sku, @Positive int quantity, @PositiveOrZero int stock)
        implements DomainEvent {

    /**
     * The most one restock may add (a plausible delivery): inventory-notification-service refuses more, and the web
     * form says so before sending. An event only requires a positive quantity.
     */
    public static final int MAX_QUANTITY = 10_000;
}
