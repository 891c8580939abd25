package eventshop.inventory.api;

import eventshop.inventory.domain.DomainException;
import eventshop.inventory.domain.IdempotencyKeyReusedException;
import eventshop.inventory.domain.StockLimitExceededException;
import eventshop.inventory.domain.UnknownProductException;
import eventshop.platform.http.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the inventory domain: the one place that knows their titles. */
@Singleton
@Produces
public class DomainProblems implements ExceptionHandler<DomainException, HttpResponse<?>> {

    private final ThrowableProblemHandler problems;

    DomainProblems(ThrowableProblemHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException refusal) {
        return problems.handle(request, problem(refusal));
    }

    private static ThrowableProblem problem(DomainException refusal) {
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
