package eventshop.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.violations.ProblemConstraintViolationExceptionHandler;
import io.micronaut.problem.violations.Violation;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.List;

/**
 * Names a bad field the way the client wrote it: {@code customer.email} or {@code lines[1].quantity} for a body,
 * {@code size} for a query value, rather than the Java path {@code place.request.customer.email} of the controller
 * method and parameter that validation reports.
 */
@Singleton
@Replaces(ProblemConstraintViolationExceptionHandler.class)
public class FieldNamedViolations extends ProblemConstraintViolationExceptionHandler {

    public FieldNamedViolations(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected Violation createViolation(ConstraintViolation<?> violation) {
        return new Violation(clientName(violation.getPropertyPath()), violation.getMessage());
    }

    /** Also how the gRPC API names a field in its google.rpc.BadRequest. */
    public static String clientName(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            boolean lastNode = i == nodes.size() - 1;
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER || (kind == ElementKind.PARAMETER && !lastNode)) {
                continue; // the Java method and the body parameter mean nothing to the client
            }
            if (node.isInIterable()) {
                name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return name.isEmpty() ? path.toString() : name.toString();
    }
}
