package eventshop.webui.forms;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field typed as text that must hold a whole number from {@link #min()} to {@link #max()}. The field stays a
 * string so that whatever was typed ("abc", "-4") is shown again next to this message; a blank field is left to
 * {@code @NotBlank}. Checked by {@link WholeNumberValidator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface WholeNumber {

    int min();

    int max();

    String message() default "A whole number from {min} to {max}.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
