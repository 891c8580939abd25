package eventshop.analytics.api;

import eventshop.analytics.domain.DomainException;
import eventshop.analytics.domain.FiguresNotReadyException;
import eventshop.platform.http.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the analytics domain: the one place that knows their titles. */
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
        if (refusal instanceof FiguresNotReadyException) {
            return Problems.unavailable("Figures not ready", refusal.getMessage());
        }
        throw new IllegalStateException("no problem response for " + refusal.getClass().getName());
    }
}
