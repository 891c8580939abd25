package eventshop.audit.api;

import eventshop.audit.domain.DomainException;
import eventshop.audit.domain.NothingToReplayException;
import eventshop.audit.domain.ReplayTooLargeException;
import eventshop.platform.http.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the audit domain: the one place that knows their titles. */
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
        if (refusal instanceof NothingToReplayException) {
            return Problems.notFound("Nothing to replay", refusal.getMessage());
        }
        if (refusal instanceof ReplayTooLargeException) {
            return Problems.unprocessable("Replay selection too large", refusal.getMessage());
        }
        throw new IllegalStateException("no problem response for " + refusal.getClass().getName());
    }
}
