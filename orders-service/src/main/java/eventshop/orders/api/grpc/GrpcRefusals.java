package eventshop.orders.api.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import eventshop.orders.domain.DomainException;
import eventshop.orders.domain.IdempotencyKeyReusedException;
import eventshop.orders.domain.InvalidOrderException;
import eventshop.orders.domain.OrderNotCancellableException;
import eventshop.orders.domain.OrderNotFoundException;
import eventshop.platform.http.FieldNamedViolations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The gRPC twin of {@code api.DomainProblems}: the domain refuses a request by throwing a {@link DomainException},
 * bean validation by its violations, and this turns either into the gRPC status a client expects. A bad field becomes
 * {@code INVALID_ARGUMENT} with a {@code google.rpc.BadRequest} naming it as REST does ({@code customer.email},
 * {@code lines[0].sku}); an unknown order {@code NOT_FOUND}; an order that can no longer be cancelled
 * {@code FAILED_PRECONDITION}; an idempotency key reused for another request {@code ALREADY_EXISTS}.
 */
final class GrpcRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcRefusals.class);

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
        if (failure instanceof DomainException refusal) {
            return refused(refusal);
        }
        LOG.error("gRPC call failed unexpectedly", failure);
        return Status.INTERNAL.withDescription("orders-service failed; the request id in the response headers finds "
                + "its log lines").asRuntimeException();
    }

    private static StatusRuntimeException refused(DomainException refusal) {
        if (refusal instanceof InvalidOrderException invalid) {
            return invalidFields(invalid.errors().stream().map(error -> field(error.field(), error.message())).toList());
        }
        Status status;
        if (refusal instanceof OrderNotFoundException) {
            status = Status.NOT_FOUND;
        } else if (refusal instanceof OrderNotCancellableException) {
            status = Status.FAILED_PRECONDITION;
        } else if (refusal instanceof IdempotencyKeyReusedException) {
            status = Status.ALREADY_EXISTS;
        } else {
            throw new IllegalStateException("no gRPC status for " + refusal.getClass().getName());
        }
        return status.withDescription(refusal.getMessage()).asRuntimeException();
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
