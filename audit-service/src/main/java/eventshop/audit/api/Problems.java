package eventshop.audit.api;

import org.zalando.problem.Problem;
import org.zalando.problem.Status;
import org.zalando.problem.ThrowableProblem;

/**
 * RFC 7807 answers for requests the service understands but cannot satisfy. Thrown as {@link ThrowableProblem}, which
 * micronaut-problem-json renders as is: a plain {@code HttpStatusException} loses its message on the way (the body
 * would say only "400").
 */
public final class Problems {

    private Problems() {
    }

    public static ThrowableProblem badRequest(String detail) {
        return problem(Status.BAD_REQUEST, detail);
    }

    public static ThrowableProblem notFound(String detail) {
        return problem(Status.NOT_FOUND, detail);
    }

    public static ThrowableProblem unprocessable(String detail) {
        return problem(Status.UNPROCESSABLE_ENTITY, detail);
    }

    private static ThrowableProblem problem(Status status, String detail) {
        return Problem.builder().withStatus(status).withTitle(status.getReasonPhrase()).withDetail(detail).build();
    }
}
