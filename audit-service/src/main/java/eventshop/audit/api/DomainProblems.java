package eventshop.audit.api;

import eventshop.audit.domain.DomainException;
import eventshop.audit.domain.NothingToReplayException;
import eventshop.audit.domain.ReplayTooLargeException;
import eventshop.platform.http.DomainExceptionHandler;
import eventshop.platform.http.Problems;
import io.micronaut.http.annotation.Produces;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the audit domain: the one place that knows their titles. */
@Singleton
@Produces
public class DomainProblems extends DomainExceptionHandler<DomainException> {

    DomainProblems(ThrowableProblemHandler problems) {
        super(problems);
    }

    @Override
    protected ThrowableProblem problem(DomainException refusal) {
        if (refusal instanceof NothingToReplayException) {
            return Problems.notFound("Nothing to replay", refusal.getMessage());
        }
        if (refusal instanceof ReplayTooLargeException) {
            return Problems.unprocessable("Replay selection too large", refusal.getMessage());
        }
        throw new IllegalStateException("no problem response for " + refusal.getClass().getName());
    }
}
