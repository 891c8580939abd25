package eventshop.analytics.api;

import eventshop.analytics.domain.DomainException;
import eventshop.analytics.domain.FiguresNotReadyException;
import eventshop.platform.http.DomainExceptionHandler;
import eventshop.platform.http.Problems;
import io.micronaut.http.annotation.Produces;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The problem response of each refusal of the analytics domain: the one place that knows their titles. */
@Singleton
@Produces
public class DomainProblems extends DomainExceptionHandler<DomainException> {

    DomainProblems(ThrowableProblemHandler problems) {
        super(problems);
    }

    @Override
    protected ThrowableProblem problem(DomainException refusal) {
        if (refusal instanceof FiguresNotReadyException) {
            return Problems.unavailable("Figures not ready", refusal.getMessage());
        }
        throw new IllegalStateException("no problem response for " + refusal.getClass().getName());
    }
}
