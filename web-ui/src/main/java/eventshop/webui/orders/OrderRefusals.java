package eventshop.webui.orders;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import eventshop.webui.forms.FieldErrors;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Maps orders-service's refusals (gRPC {@code INVALID_ARGUMENT} with {@code google.rpc.BadRequest} field violations,
 * or another refusal with a description) back onto the form: a violation naming a field goes next to that field; a
 * description naming a submitted SKU goes next to that line; anything else on top.
 */
@Singleton
public class OrderRefusals {

    /** orders-service's answers about the request itself, as opposed to "could not do it now". */
    private static final Set<Status.Code> REFUSALS = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION, Status.Code.ALREADY_EXISTS, Status.Code.OUT_OF_RANGE);
    private static final java.util.regex.Pattern LINE_FIELD = java.util.regex.Pattern
            .compile("lines\\[(\\d+)]\\.(sku|quantity)");

    public static boolean isRefusal(StatusRuntimeException e) {
        return REFUSALS.contains(e.getStatus().getCode());
    }

    public FieldErrors toFieldErrors(StatusRuntimeException e, OrderForm form) {
        FieldErrors errors = new FieldErrors();
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).forEach(d -> {
                for (BadRequest.FieldViolation v : unpack(d).getFieldViolationsList()) {
                    errors.add(fieldOf(v.getField()), v.getDescription().isEmpty() ? "is not valid"
                            : v.getDescription());
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

    /** "customer.email" → "email"; "lines[1].quantity" stays; unknown paths → "form". */
    static String fieldOf(@Nullable String path) {
        if (path == null) {
            return "form";
        }
        Matcher line = LINE_FIELD.matcher(path);
        if (line.find()) {
            return "lines[" + line.group(1) + "]." + line.group(2);
        }
        if (path.endsWith("name")) {
            return "name";
        }
        if (path.endsWith("email")) {
            return "email";
        }
        return path.endsWith("lines") ? "lines" : "form";
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
        return "form";
    }
}
