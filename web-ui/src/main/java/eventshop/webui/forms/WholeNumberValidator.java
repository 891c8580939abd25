package eventshop.webui.forms;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/** Checks {@link WholeNumber}: digits only (surrounding spaces allowed), within the annotation's range. */
@Singleton
public class WholeNumberValidator implements ConstraintValidator<WholeNumber, String> {

    /** Nine digits at most: every such number fits an int, and no form asks for more. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    @Override
    public boolean isValid(@Nullable String value, AnnotationValue<WholeNumber> annotation,
                           ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String typed = value.trim();
        if (!DIGITS.matcher(typed).matches()) {
            return false;
        }
        int number = Integer.parseInt(typed);
        return number >= annotation.intValue("min").orElse(Integer.MIN_VALUE)
                && number <= annotation.intValue("max").orElse(Integer.MAX_VALUE);
    }
}
