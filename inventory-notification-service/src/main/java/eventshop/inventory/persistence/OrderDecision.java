package eventshop.inventory.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** What inventory decided about one order, and the customer to tell about it. */
@MappedEntity("order_decision")
public record OrderDecision(@Id UUID orderId, Outcome outcome, String customerName, String customerEmail,
                            @Nullable String reason, Instant decidedAt, Instant updatedAt) {

    public enum Outcome { RESERVED, REJECTED, RELEASED, CANCELLED }

    public OrderDecision withOutcome(Outcome newOutcome, Instant at) {
        return new OrderDecision(orderId, newOutcome, customerName, customerEmail, reason, decidedAt, at);
    }
}
