package eventshop.analytics.domain;

/**
 * A request the analytics domain understands and cannot answer. Each kind is its own class, so the refusal says what
 * went wrong and leaves the answer's form to {@code api.DomainProblems}, the one place that makes it a problem
 * response.
 */
public abstract sealed class DomainException extends RuntimeException permits FiguresNotReadyException {

    protected DomainException(String message) {
        super(message, null, false, false); // a refusal, not a failure: no stack trace to fill or to log
    }
}
