package eventshop.platform.http;

import eventshop.platform.correlation.CorrelationId;
import eventshop.platform.security.Roles;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/**
 * RFC 7807 bodies for every error (micronaut-problem-json). A refusal arrives as a {@link Problems} problem (from a
 * service's {@code api.DomainProblems}, or thrown by the api layer) and is rendered as it is; any other 4xx keeps
 * Micronaut's message as its detail (a plain {@code HttpStatusException} included). Three rules are added:
 * <ul>
 * <li>a 5xx says that it failed and which request id to quote, never why: exception messages can carry SQL, URLs or
 * credentials, and the cause is in the log under the same id;</li>
 * <li>a refused request (no or wrong credentials, 401; a role that may not, 403) says how to sign in;</li>
 * <li>a request value that cannot be read (malformed JSON, {@code 42} as a UUID, {@code "many"} as a quantity) is a 400
 * naming the field, or {@code body}, without the Java types the parser mentions ({@link UnreadableRequests}).</li>
 * </ul>
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    private final ProblemErrorResponseProcessor problems;

    public ProblemResponses(ProblemConfiguration configuration) {
        this.problems = new ProblemErrorResponseProcessor(configuration);
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElse(null);
        HttpStatus status = HttpStatus.valueOf(response.code());
        ThrowableProblem replacement;
        if (response.code() >= 500) {
            replacement = serverError(context, status);
        } else if (cause instanceof AuthorizationException refused) {
            replacement = refusal(refused, status);
        } else if (cause instanceof ThrowableProblem) {
            replacement = null; // a refusal a service threw (Problems): rendered as it is
        } else {
            replacement = UnreadableRequests.problem(cause).orElseGet(() -> titled(context, status));
        }
        ErrorContext effective = replacement == null ? context
                : ErrorContext.builder(context.getRequest()).cause(replacement).build();
        return problems.processResponse(effective, response);
    }

    private static ThrowableProblem serverError(ErrorContext context, HttpStatus status) {
        String requestId = context.getRequest().getAttribute(CorrelationId.MDC_KEY, String.class).orElse("unknown");
        return Problem.builder().withStatus(new HttpStatusType(status)).withTitle(status.getReason())
                .withDetail("The server could not handle this request. Quote request id " + requestId
                        + " when reporting it.")
                .build();
    }

    /** 401: who may call and how to sign in; 403: signed in, but not with a role that may do this. */
    private static ThrowableProblem refusal(AuthorizationException refused, HttpStatus status) {
        return Problems.of(status, refused.isForbidden()
                ? "This account may not do this: it needs the " + Roles.STAFF + " role."
                : "This is for staff: send the credentials of a staff account with HTTP Basic (curl -u staff:PASSWORD).");
    }

    /** Other client errors (415, 413, a missing body) keep Micronaut's message, which describes the request. */
    private static ThrowableProblem titled(ErrorContext context, HttpStatus status) {
        var builder = Problem.builder().withStatus(new HttpStatusType(status)).withTitle(status.getReason());
        context.getErrors().stream().map(Error::getMessage).filter(m -> m != null && !m.isBlank()).findFirst()
                .map(m -> m.startsWith(status.getReason() + ": ") ? m.substring(status.getReason().length() + 2) : m)
                .ifPresent(builder::withDetail);
        return builder.build();
    }
}
