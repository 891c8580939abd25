package eventshop.orders.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import eventshop.platform.http.FieldNamedViolations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zalando.problem.StatusType;
import org.zalando.problem.ThrowableProblem;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The services refuse a request by throwing a problem (RFC 7807, see platform's {@code Problems}) or failing bean
 * validation; this turns the same refusal into the gRPC status a client expects: a bad field becomes
 * {@code INVALID_ARGUMENT} with a {@code google.rpc.BadRequest} naming it as REST does ({@code customer.email},
 * {@code lines[0].sku}), 404 {@code NOT_FOUND}, 409 (an order that can no longer be cancelled)
 * {@code FAILED_PRECONDITION}, 422 (an idempotency key reused for another request) {@code ALREADY_EXISTS}.
 */
final class GrpcRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcRefusals.class);
    private static final Map<Integer, Code> CODES = Map.of(400, Code.INVALID_ARGUMENT, 404, Code.NOT_FOUND,
            409, Code.FAILED_PRECONDITION, 422, Code.ALREADY_EXISTS, 503, Code.UNAVAILABLE);

    private GrpcRefusals() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return invalidFields(invalid.getConstraintViolations().stream()
                    .map(v -> field(FieldNamedViolations.clientName(v.getPropertyPath()), v.getMessage())).toList());
        }
        if (failure instanceof ConstraintViolationThrowableProblem invalid) {
            return invalidFields(invalid.getViolations().stream().map(v -> field(v.getField(), v.getMessage()))
                    .toList());
        }
        if (failure instanceof ThrowableProblem problem) {
            StatusType status = problem.getStatus();
            Code code = status == null ? Code.UNKNOWN : CODES.getOrDefault(status.getStatusCode(), Code.UNKNOWN);
            String message = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
            return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.getNumber())
                    .setMessage(message == null ? code.name() : message).build());
        }
        LOG.error("gRPC call failed unexpectedly", failure);
        return Status.INTERNAL.withDescription("orders-service failed; the request id in the response headers finds "
                + "its log lines").asRuntimeException();
    }

    static StatusRuntimeException invalidFields(Collection<? extends ConstraintViolation<?>> violations,
                                                Map<String, String> renames) {
        return invalidFields(violations.stream().map(v -> {
            String field = FieldNamedViolations.clientName(v.getPropertyPath());
            return field(renames.getOrDefault(field, field), v.getMessage());
        }).toList());
    }

    static StatusRuntimeException invalidField(String field, String message) {
        return invalidFields(List.of(field(field, message)));
    }

    /** For violations of a record that stands for one field (an idempotency key), named as the client knows it. */
    static StatusRuntimeException invalidField(String field, Collection<? extends ConstraintViolation<?>> violations) {
        return invalidFields(violations.stream().map(v -> field(field, v.getMessage())).toList());
    }

    private static StatusRuntimeException invalidFields(List<BadRequest.FieldViolation> violations) {
        BadRequest details = BadRequest.newBuilder().addAllFieldViolations(violations).build();
        String summary = String.join("; ", violations.stream()
                .map(v -> v.getField() + ": " + v.getDescription()).toList());
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT.getNumber()).setMessage(summary).addDetails(Any.pack(details)).build());
    }

    private static BadRequest.FieldViolation field(String field, String message) {
        return BadRequest.FieldViolation.newBuilder().setField(field).setDescription(message).build();
    }
}
