package eventshop.platform.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import org.zalando.problem.ThrowableProblem;

/**
 * The one way a service answers the refusals of its domain: its {@code api.DomainProblems} extends this for the
 * service's {@code domain.DomainException} and says which {@link Problems} problem each kind is; this renders it as
 * micronaut-problem-json renders any problem ({@link ProblemResponses}).
 *
 * @param <E> the service's domain exception, the root of everything its domain refuses
 */
public abstract class DomainExceptionHandler<E extends RuntimeException>
        implements ExceptionHandler<E, HttpResponse<?>> {

    private final ThrowableProblemHandler problems;

    protected DomainExceptionHandler(ThrowableProblemHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, E refusal) {
        return problems.handle(request, problem(refusal));
    }

    /** The problem that answers this refusal, made with {@link Problems} (which decides its status). */
    protected abstract ThrowableProblem problem(E refusal);
}
