package eventshop.platform.http;

import eventshop.platform.correlation.CorrelationId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception that no more specific handler claims (a bug, a broken dependency): logged with its stack trace under
 * the request id, then answered as Micronaut would, a 500 through the {@link ErrorResponseProcessor}
 * ({@link ProblemResponses}: a problem body quoting the request id, never the cause). Left to Micronaut, the
 * "Unexpected error occurred" line is written outside the request's propagated context, so it lacks the correlation id
 * that the client is told to quote. Refusals (a service's {@code DomainProblems}, {@link Problems}), validation,
 * unreadable bodies and status exceptions keep their own, closer handlers.
 */
@Singleton
@Produces
public class UnexpectedFailures implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailures.class);

    private final ErrorResponseProcessor<?> responses;

    public UnexpectedFailures(ErrorResponseProcessor<?> responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String requestId = request.getAttribute(CorrelationId.MDC_KEY, String.class).orElse(null);
        CorrelationId.runWith(requestId, () -> LOG.error("Unexpected error on {} {}: {}", request.getMethodName(),
                request.getPath(), exception.toString(), exception));
        return responses.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage("Internal Server Error").build(), HttpResponse.serverError());
    }
}
