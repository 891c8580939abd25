package eventshop.analytics.domain;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** The whole shop, over a minute or since the beginning: orders by step, and what they sold. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ShopFigures(long placed, long confirmed, long rejected, long cancelled, long units, BigDecimal revenue,
                          @Nullable String currency) {

    public static ShopFigures none() {
        return new ShopFigures(0, 0, 0, 0, 0, BigDecimal.ZERO, null);
    }

    public ShopFigures plus(SalesFact fact) {
        return new ShopFigures(placed + count(fact, SalesFact.Step.PLACED), confirmed + count(fact, SalesFact.Step.CONFIRMED),
                rejected + count(fact, SalesFact.Step.REJECTED), cancelled + count(fact, SalesFact.Step.CANCELLED),
                units + fact.units(), revenue.add(fact.revenue()), fact.currency());
    }

    /** Confirmed of the orders decided (confirmed or rejected); 0 before any decision. */
    public double confirmationRate() {
        return ratio(confirmed, confirmed + rejected);
    }

    /** Cancelled of the orders placed; 0 before any order. */
    public double cancellationRate() {
        return ratio(cancelled, placed);
    }

    private static long count(SalesFact fact, SalesFact.Step step) {
        return fact.step() == step ? 1 : 0;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
