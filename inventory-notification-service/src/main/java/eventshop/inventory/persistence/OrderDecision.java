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

    /** Whether the database can store it: the column sizes of V1__inventory.sql. */
    public boolean fitsItsColumns() {
        return customerName.length() <= 100 && customerEmail.length() <= 254
                && (reason == null || reason.length() <= 1000);
    }

    public OrderDecision withOutcome(Outcome newOutcome, Instant at) {
        return new OrderDecision(orderId, newOutcome, customerName, customerEmail, reason, decidedAt, at);
    }
}
