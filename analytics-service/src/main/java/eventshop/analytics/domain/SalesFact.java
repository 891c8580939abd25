package eventshop.analytics.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one order event means for the sales figures: which step of the order it was, and the units and revenue it
 * adds (a confirmation) or takes back (the cancellation of a confirmed order). Placements, rejections and the
 * cancellation of an order never confirmed count as orders but sell nothing, so their lines are empty.
 */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record SalesFact(Step step, List<SoldLine> lines, String currency) {

    public enum Step { PLACED, CONFIRMED, REJECTED, CANCELLED }

    public SalesFact {
        lines = List.copyOf(lines);
    }

    public long units() {
        return lines.stream().mapToLong(SoldLine::units).sum();
    }

    public BigDecimal revenue() {
        return lines.stream().map(SoldLine::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
