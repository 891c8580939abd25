package eventshop.analytics.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An order the sales figures know: its priced lines (from {@code OrderPlaced}) and how far it has come. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record PlacedOrder(List<SoldLine> lines, String currency, Stage stage) {

    public enum Stage { PLACED, CONFIRMED }

    public PlacedOrder {
        lines = List.copyOf(lines);
    }

    public PlacedOrder confirmed() {
        return new PlacedOrder(lines, currency, Stage.CONFIRMED);
    }
}
