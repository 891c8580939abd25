package eventshop.platform.http;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

import java.util.List;

/**
 * The problem (RFC 7807) of each kind of refusal, with its HTTP status decided here, once. A service's domain throws
 * its own exceptions; the service's {@code api.DomainProblems} turns each into one of these, and a request the
 * {@code api} layer itself cannot read (a {@code from} after its {@code to}) is refused here directly.
 * micronaut-problem-json renders a {@link ThrowableProblem} as it is ({@code application/problem+json}, the given
 * status, title and detail), and a refusal of several fields with the same {@code violations:[{field,message}]} shape
 * as bean validation, so a client reads every 4xx of every service the same way.
 */
public final class Problems {

    private Problems() {
    }

    /** A refusal with a title of its own, e.g. {@code 404 "Unknown product"}, and a detail saying what to do. */
    public static ThrowableProblem of(HttpStatus status, String title, String detail) {
        return Problem.builder().withStatus(new HttpStatusType(status)).withTitle(title).withDetail(detail).build();
    }

    /** A refusal titled by its status ({@code "Not Found"}). */
    public static ThrowableProblem of(HttpStatus status, String detail) {
        return of(status, status.getReason(), detail);
    }

    /** Nothing of that id or name exists. */
    public static ThrowableProblem notFound(String title, String detail) {
        return of(HttpStatus.NOT_FOUND, title, detail);
    }

    /** The request is valid, but the state of what it names forbids it now (an order already shipped). */
    public static ThrowableProblem conflict(String title, String detail) {
        return of(HttpStatus.CONFLICT, title, detail);
    }

    /** The request is valid, but contradicts an earlier one or asks for more than the service does at once. */
    public static ThrowableProblem unprocessable(String title, String detail) {
        return of(HttpStatus.UNPROCESSABLE_ENTITY, title, detail);
    }

    /** The service cannot answer yet (its state is being rebuilt); the same request succeeds later. */
    public static ThrowableProblem unavailable(String title, String detail) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, title, detail);
    }

    public static ThrowableProblem badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    /** A 400 naming each bad field as the client wrote it ({@code lines[1].sku}), like a bean-validation failure. */
    public static ThrowableProblem invalidFields(List<Violation> violations) {
        return new ConstraintViolationThrowableProblem(new HttpStatusType(HttpStatus.BAD_REQUEST), violations);
    }

    public static ThrowableProblem invalidField(String field, String message) {
        return invalidFields(List.of(new Violation(field, message)));
    }
}
