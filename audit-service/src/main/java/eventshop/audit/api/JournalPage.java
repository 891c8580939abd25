package eventshop.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of the journal, newest first; {@code page} counts from 0. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JournalPage(List<JournalEntry> items, int page, int size, long total) {
}
