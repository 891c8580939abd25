package eventshop.orders.domain;

/**
 * A request the orders domain understands and refuses. Each kind is its own class, so the refusal says what went
 * wrong and leaves the answer's form to the caller: {@code api.DomainProblems} makes it a problem response,
 * {@code api.grpc.GrpcRefusals} a gRPC status, each in one place.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidOrderException, OrderNotFoundException, OrderNotCancellableException,
        IdempotencyKeyReusedException {

    protected DomainException(String message) {
        super(message, null, false, false); // a refusal, not a failure: no stack trace to fill or to log
    }
}
