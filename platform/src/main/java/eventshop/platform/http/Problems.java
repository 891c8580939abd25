package eventshop.platform.http;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

import java.util.List;

/**
 * The one way a service refuses a request it understands but will not carry out: throw what these methods return,
 * from the controller or from the service that makes the decision. micronaut-problem-json renders a
 * {@link ThrowableProblem} as it is ({@code application/problem+json}, the given status, title and detail), and a
 * refusal of several fields with the same {@code violations:[{field,message}]} shape as bean validation, so a client
 * reads every 4xx of every service the same way.
 * <p>
 * Pure domain code (no framework) keeps its own exceptions; the service that calls it turns them into a problem.
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
