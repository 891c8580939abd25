package eventshop.orders.api;

import eventshop.orders.domain.InvalidOrderException;
import eventshop.orders.service.OrderRequestException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import jakarta.inject.Singleton;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/**
 * Turns this service's refusals into RFC 7807 bodies. Business validation (unknown or duplicate SKU) uses the same
 * {@code violations:[{field,message}]} shape as bean validation, so a client handles one format.
 */
@Factory
public class OrderProblemHandlers {

    @Singleton
    ExceptionHandler<InvalidOrderException, HttpResponse<?>> invalidOrder(ErrorResponseProcessor<?> problems) {
        return (request, e) -> respond(problems, request, HttpStatus.BAD_REQUEST,
                new ConstraintViolationThrowableProblem(new HttpStatusType(HttpStatus.BAD_REQUEST), e.errors().stream()
                        .map(error -> new Violation(error.field(), error.message())).toList()));
    }

    @Singleton
    ExceptionHandler<OrderRequestException, HttpResponse<?>> refused(ErrorResponseProcessor<?> problems) {
        return (request, e) -> {
            HttpStatus status = switch (e.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            return respond(problems, request, status, Problem.builder().withStatus(new HttpStatusType(status))
                    .withTitle(e.title()).withDetail(e.getMessage()).build());
        };
    }

    private static HttpResponse<?> respond(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                           HttpStatus status, ThrowableProblem problem) {
        return problems.processResponse(ErrorContext.builder(request).cause(problem).build(),
                HttpResponse.status(status));
    }
}
