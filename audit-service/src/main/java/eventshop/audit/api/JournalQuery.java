package eventshop.audit.api;

import eventshop.audit.persistence.JournalFilter;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.UUID;

/**
 * The journal filter as query parameters, shared by the list and the export. Malformed values (a bad UUID, a date
 * that is not ISO-8601, {@code valid=maybe}) fail conversion or validation and answer 400 naming the parameter. {@code valid} is a
 * string checked by pattern because Micronaut converts any unknown word to {@code false}.
 */
@Introspected
public record JournalQuery(@Nullable @QueryValue UUID orderId, @Nullable @QueryValue String type,
                           @Nullable @QueryValue String topic, @Nullable @QueryValue @Pattern(regexp = "true|false") String valid,
                           @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                           @Nullable @QueryValue String correlationId) {

    JournalFilter toFilter() {
        if (from != null && to != null && from.isAfter(to)) {
            throw Problems.badRequest("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        return new JournalFilter(orderId, blankToNull(type), blankToNull(topic), valid == null ? null : Boolean.valueOf(valid), from, to,
                blankToNull(correlationId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
