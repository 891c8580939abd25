package eventshop.webui.forms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A back-end's refusal as RFC 7807 {@code application/problem+json}: every service answers a bad request this way
 * (platform's {@code Problems}), naming each bad field in {@code violations} as the client wrote it.
 */
@Serdeable
public record ProblemDetails(@Nullable String title, @Nullable String detail, @Nullable List<Violation> violations) {

    @Serdeable
    public record Violation(String field, String message) {
    }

    public List<Violation> violationsOrEmpty() {
        return violations == null ? List.of() : violations;
    }

    /** The detail, else the title: what a person reads when no field is named. */
    public String sentence() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return title != null && !title.isBlank() ? title : "The request was refused.";
    }
}
