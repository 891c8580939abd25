package eventshop.analytics.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The shop's figures of the one-minute window starting at {@code start}. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ShopMinute(Instant start, ShopFigures figures) {
}
