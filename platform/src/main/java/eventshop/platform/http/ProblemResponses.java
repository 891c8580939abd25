package eventshop.platform.http;

import eventshop.platform.correlation.CorrelationId;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import jakarta.inject.Singleton;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

import java.util.List;

/**
 * RFC 7807 bodies for every error (micronaut-problem-json), with two rules added:
 * <ul>
 * <li>a 5xx says that it failed and which request id to quote, never why: exception messages can carry SQL, URLs or
 * credentials, and the cause is in the log under the same id;</li>
 * <li>a request value that cannot be read (malformed JSON, {@code 42} as a UUID) is a 400 naming the field, without
 * the Java types the converter mentions.</li>
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
        ThrowableProblem replacement = null;
        if (response.code() >= 500) {
            replacement = serverError(context, HttpStatus.valueOf(response.code()));
        } else if (context.getRootCause().orElse(null) instanceof ConversionErrorException unreadable) {
            replacement = unreadable(unreadable);
        } else if (context.getRootCause().isEmpty() || !(context.getRootCause().get() instanceof ThrowableProblem)) {
            replacement = titled(context, HttpStatus.valueOf(response.code()));
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

    private static ThrowableProblem unreadable(ConversionErrorException e) {
        boolean body = e.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        String field = body ? "body" : e.getArgument().getName();
        String message = body ? "is not valid JSON of the expected shape"
                : "'" + e.getConversionError().getOriginalValue().orElse("") + "' is not a valid value";
        return new ConstraintViolationThrowableProblem(new HttpStatusType(HttpStatus.BAD_REQUEST),
                List.of(new Violation(field, message)));
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
