package eventshop.inventory.domain;

/**
 * A request the inventory domain understands and refuses. Each kind is its own class, so the refusal says what went
 * wrong and leaves the answer's form to {@code api.DomainProblems}, the one place that makes it a problem response.
 */
public abstract sealed class DomainException extends RuntimeException
        permits UnknownProductException, StockLimitExceededException, IdempotencyKeyReusedException {

    protected DomainException(String message) {
        super(message, null, false, false); // a refusal, not a failure: no stack trace to fill or to log
    }
}
