package eventshop.orders.domain;

import java.util.UUID;

/** An Idempotency-Key sent again with a different order than the one it placed first. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(String idempotencyKey, UUID firstOrderId) {
        super("Idempotency-Key '" + idempotencyKey + "' was first used for a different request (order " + firstOrderId
                + "); use a new key for a new order");
    }
}
