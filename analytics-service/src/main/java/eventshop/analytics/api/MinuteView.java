package eventshop.analytics.api;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

/** One minute of GET /sales/timeline: orders by step and what they sold; all zero in a quiet minute. */
@Serdeable
public record MinuteView(Instant start, long ordersPlaced, long ordersConfirmed, long ordersRejected,
                         long ordersCancelled, long units, BigDecimal revenue) {
}
