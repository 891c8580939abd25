package eventshop.analytics.domain;

import eventshop.events.OrderLine;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Units and revenue of one product in one order: positive when sold, negative when a sale is taken back. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record SoldLine(String sku, String name, long units, BigDecimal revenue, String currency) {

    public static SoldLine of(OrderLine line, String currency) {
        return new SoldLine(line.sku(), line.productName(), line.quantity(), line.lineTotal(), currency);
    }

    public SoldLine negated() {
        return new SoldLine(sku, name, -units, revenue.negate(), currency);
    }
}
