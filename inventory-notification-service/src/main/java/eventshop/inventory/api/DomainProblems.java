package eventshop.inventory.api;

import eventshop.inventory.domain.DomainException;
import eventshop.inventory.domain.IdempotencyKeyReusedException;
import eventshop.inventory.domain.StockLimitExceededException;
import eventshop.inventory.domain.UnknownProductException;
import eventshop.platform.http.DomainExceptionHandler;
import eventshop.platform.http.Problems;
import io.micronaut.http.annotation.Produces;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the inventory domain: the one place that knows their titles. */
@Singleton
@Produces
public class DomainProblems extends DomainExceptionHandler<DomainException> {

    DomainProblems(ThrowableProblemHandler problems) {
        super(problems);
    }

    @Override
    protected ThrowableProblem problem(DomainException refusal) {
        if (refusal instanceof UnknownProductException) {
            return Problems.notFound("Unknown product", refusal.getMessage());
        }
        if (refusal instanceof StockLimitExceededException) {
            return Problems.conflict("Stock limit exceeded", refusal.getMessage());
        }
        if (refusal instanceof IdempotencyKeyReusedException) {
            return Problems.unprocessable("Idempotency-Key reused", refusal.getMessage());
        }
        throw new IllegalStateException("no problem response for " + refusal.getClass().getName());
    }
}
