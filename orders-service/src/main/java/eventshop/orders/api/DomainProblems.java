package eventshop.orders.api;

import eventshop.orders.domain.DomainException;
import eventshop.orders.domain.IdempotencyKeyReusedException;
import eventshop.orders.domain.InvalidOrderException;
import eventshop.orders.domain.OrderNotCancellableException;
import eventshop.orders.domain.OrderNotFoundException;
import eventshop.platform.http.DomainExceptionHandler;
import eventshop.platform.http.Problems;
import io.micronaut.http.annotation.Produces;
import io.micronaut.problem.ThrowableProblemHandler;
import io.micronaut.problem.violations.Violation;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the orders domain: the one place that knows their titles. */
@Singleton
@Produces
public class DomainProblems extends DomainExceptionHandler<DomainException> {

    DomainProblems(ThrowableProblemHandler problems) {
        super(problems);
    }

    @Override
    protected ThrowableProblem problem(DomainException refusal) {
        if (refusal instanceof InvalidOrderException invalid) {
            return Problems.invalidFields(invalid.errors().stream()
                    .map(error -> new Violation(error.field(), error.message())).toList());
        }
        if (refusal instanceof OrderNotFoundException) {
            return Problems.notFound("Order not found", refusal.getMessage());
        }
        if (refusal instanceof OrderNotCancellableException) {
            return Problems.conflict("Order cannot be cancelled", refusal.getMessage());
        }
        if (refusal instanceof IdempotencyKeyReusedException) {
            return Problems.unprocessable("Idempotency-Key reused", refusal.getMessage());
        }
        throw new IllegalStateException("no problem response for " + refusal.getClass().getName());
    }
}
