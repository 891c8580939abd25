package eventshop.analytics.domain;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Units and revenue of one product, over a minute or since the beginning. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ProductFigures(@Nullable String name, long units, BigDecimal revenue, @Nullable String currency) {

    public static ProductFigures none() {
        return new ProductFigures(null, 0, BigDecimal.ZERO, null);
    }

    public ProductFigures plus(SoldLine line) {
        return new ProductFigures(line.name(), units + line.units(), revenue.add(line.revenue()), line.currency());
    }
}
