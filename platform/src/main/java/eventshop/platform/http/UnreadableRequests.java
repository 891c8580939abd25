package eventshop.platform.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import org.zalando.problem.ThrowableProblem;

import java.util.List;
import java.util.Optional;

/**
 * A request value that cannot be read becomes a 400 naming it as the client wrote it, without the parser's or the
 * converter's words (Java types, class names, parser positions): {@code orderId} for {@code ?orderId=42},
 * {@code lines[0].quantity} for {@code "quantity":"many"} in a body, {@code body} for JSON that does not parse or has
 * the wrong shape altogether.
 */
final class UnreadableRequests {

    static final String BODY = "body";

    private UnreadableRequests() {
    }

    /** The problem for a request that cannot be read, or empty when the cause is something else. */
    static Optional<ThrowableProblem> problem(Throwable rootCause) {
        if (rootCause instanceof JsonSyntaxException) {
            return Optional.of(violation(BODY, "is not valid JSON"));
        }
        if (rootCause instanceof ConversionErrorException unreadable) {
            return Optional.of(unreadable(unreadable));
        }
        return Optional.empty();
    }

    private static ThrowableProblem unreadable(ConversionErrorException e) {
        if (!e.getArgument().getAnnotationMetadata().hasAnnotation(Body.class)) {
            return violation(e.getArgument().getName(),
                    "'" + e.getConversionError().getOriginalValue().orElse("") + "' is not a valid value");
        }
        Throwable cause = e.getConversionError().getCause();
        if (causedBy(cause, JsonParseException.class).isPresent()) {
            return violation(BODY, "is not valid JSON"); // cut short or misspelt while a property was being read
        }
        String message = strictIntegerRefused(cause) ? StrictIntegers.MESSAGE : "is not a valid value";
        return causedBy(cause, SerdeException.class).filter(serde -> !serde.getPath().isEmpty())
                .map(serde -> violation(jsonPath(serde.getPath()), message))
                .orElseGet(() -> violation(BODY, "is not valid JSON of the expected shape"));
    }

    private static boolean strictIntegerRefused(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(StrictIntegers.MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> Optional<T> causedBy(Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** @param path innermost step first, as Serde records it on the way out */
    private static String jsonPath(List<ReferencePath> path) {
        StringBuilder name = new StringBuilder();
        for (int i = path.size() - 1; i >= 0; i--) {
            ReferencePath step = path.get(i);
            if (step instanceof PropertyReferencePath property) {
                name.append(name.isEmpty() ? "" : ".").append(jsonName(property.property()));
            } else if (step instanceof CollectionItemReferencePath item) {
                name.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                name.append(name.isEmpty() ? "" : ".").append(entry.key());
            }
        }
        return name.isEmpty() ? BODY : name.toString();
    }

    /** The name on the wire: {@code customer_name} for a property declared {@code @JsonProperty("customer_name")}. */
    private static String jsonName(Argument<?> property) {
        return property.getAnnotationMetadata().stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                .or(() -> property.getAnnotationMetadata().stringValue(JsonProperty.class))
                .filter(name -> !name.isBlank())
                .orElse(property.getName());
    }

    private static ThrowableProblem violation(String field, String message) {
        return new ConstraintViolationThrowableProblem(new HttpStatusType(HttpStatus.BAD_REQUEST),
                List.of(new Violation(field, message)));
    }
}
