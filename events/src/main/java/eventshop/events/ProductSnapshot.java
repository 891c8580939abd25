package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/**
 * The full current state of one product, keyed by SKU on the compacted catalog topic.
 *
 * @param version the product row's version in the inventory database, raised by every change: a replica applies a
 *                snapshot only if it is newer than what it holds, so a replayed old snapshot cannot roll a price back.
 *                Absent (null) in records written before versions existed.
 */
// ALWAYS: Serde omits empty values by default, and an omitted @NotNull field would then fail decoding.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ProductSnapshot(@NotBlank String sku, @NotBlank String name, @NotNull String description,
                              @NotNull @PositiveOrZero BigDecimal price, @NotBlank String currency,
                              @PositiveOrZero int stock, @PositiveOrZero int lowWaterMark,
                              @Nullable @Positive Long version) implements DomainEvent {

    @Creator
    public ProductSnapshot {
    }

    /** A snapshot without a version, as written before versions existed. */
    public ProductSnapshot(String sku, String name, String description, BigDecimal price, String currency, int stock,
                           int lowWaterMark) {
        this(sku, name, description, price, currency, stock, lowWaterMark, null);
    }
}
