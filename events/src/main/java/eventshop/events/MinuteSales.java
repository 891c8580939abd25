package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The shop in one minute (a one-minute tumbling window starting at {@code start}): orders placed, confirmed, rejected
 * and cancelled in it, and the units and revenue it sold (confirmations minus cancellations of confirmed orders).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record MinuteSales(@NotNull Instant start, long ordersPlaced, long ordersConfirmed, long ordersRejected,
                          long ordersCancelled, long units, @NotNull BigDecimal revenue) {
}
