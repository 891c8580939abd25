package eventshop.webui.forms;

import jakarta.validation.ConstraintViolation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with a submitted form, keyed by field as the back-end API names it ({@code customer.email},
 * {@code lines[0].sku}, {@code quantity}), plus {@link #FORM} for what belongs to no field: the web UI's binding result.
 * The field fragment ({@code views/fragments/form.html}) shows each message next to its field, so a message from
 * Bean Validation and one from a back-end's refusal land in the same place.
 */
public final class FieldErrors {

    /** The key of a message about the whole form. */
    public static final String FORM = "form";

    private final Map<String, String> messages = new LinkedHashMap<>();

    /** The form's Bean Validation result, each violation under its property path. */
    public static FieldErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FieldErrors errors = new FieldErrors();
        violations.forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    /** A back-end's RFC 7807 refusal: each violation on its field, a refusal naming no field on {@code field}. */
    public static FieldErrors of(ProblemDetails problem, String field) {
        FieldErrors errors = new FieldErrors();
        problem.violationsOrEmpty().forEach(v -> errors.add(v.field(), v.message()));
        if (errors.isEmpty()) {
            errors.add(field, problem.sentence());
        }
        return errors;
    }

    public FieldErrors add(String field, String message) {
        messages.merge(field, message, (a, b) -> a.equals(b) ? a : a + " " + b);
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String of(String field) {
        return messages.get(field);
    }
}
