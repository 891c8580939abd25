package eventshop.webui.orders;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import eventshop.webui.forms.FieldErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.core.annotation.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * Reads orders-service's refusals: gRPC {@code INVALID_ARGUMENT} with {@code google.rpc.BadRequest} field violations
 * named as the request names them (which {@link OrderForm} mirrors), or another refusal with a description. A
 * violation goes on its field; a description naming a submitted SKU goes next to that line; anything else on top.
 */
public final class OrderRefusals {

    /** orders-service's answers about the request itself, as opposed to "could not do it now". */
    private static final Set<Status.Code> REFUSALS = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION, Status.Code.ALREADY_EXISTS, Status.Code.OUT_OF_RANGE);

    private OrderRefusals() {
    }

    public static boolean isRefusal(StatusRuntimeException e) {
        return REFUSALS.contains(e.getStatus().getCode());
    }

    public static FieldErrors toFieldErrors(StatusRuntimeException e, OrderForm form) {
        FieldErrors errors = new FieldErrors();
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).forEach(d -> {
                for (BadRequest.FieldViolation v : unpack(d).getFieldViolationsList()) {
                    errors.add(v.getField().isEmpty() ? FieldErrors.FORM : v.getField(),
                            v.getDescription().isEmpty() ? "is not valid" : v.getDescription());
                }
            });
        }
        if (errors.isEmpty()) {
            String message = e.getStatus().getDescription();
            errors.add(lineNamedIn(message, form), message == null ? "The order was refused." : message);
        }
        return errors;
    }

    private static BadRequest unpack(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (InvalidProtocolBufferException e) {
            return BadRequest.getDefaultInstance();
        }
    }

    private static String lineNamedIn(@Nullable String message, OrderForm form) {
        if (message != null) {
            for (int i = 0; i < form.lines().size(); i++) {
                String sku = form.lines().get(i).sku();
                if (!sku.isEmpty() && message.contains(sku)) {
                    return "lines[" + i + "].sku";
                }
            }
        }
        return FieldErrors.FORM;
    }
}
