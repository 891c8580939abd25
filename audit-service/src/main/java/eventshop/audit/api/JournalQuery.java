package eventshop.audit.api;

import eventshop.audit.persistence.JournalFilter;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;

import java.time.Instant;
import java.util.UUID;

/**
 * The journal filter as query parameters, shared by the list and the export. Malformed values (a bad UUID, a date
 * that is not ISO-8601, {@code valid=maybe}) fail conversion and answer 400 naming the parameter.
 */
@Introspected
public record JournalQuery(@Nullable @QueryValue UUID orderId, @Nullable @QueryValue String type,
                           @Nullable @QueryValue String topic, @Nullable @QueryValue Boolean valid,
                           @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                           @Nullable @QueryValue String correlationId) {

    JournalFilter toFilter() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "'from' (" + from + ") is after 'to' (" + to + ")");
        }
        return new JournalFilter(orderId, blankToNull(type), blankToNull(topic), valid, from, to,
                blankToNull(correlationId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
