package eventshop.inventory.domain;

/** An Idempotency-Key sent again with another restock than the one it did first. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(String idempotencyKey, String firstSku, int firstQuantity) {
        super("Idempotency-Key '" + idempotencyKey + "' was first used to restock " + firstSku + " by " + firstQuantity
                + "; use a new key for a new restock");
    }
}
