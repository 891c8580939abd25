package eventshop.analytics.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** The sales figures, answered from the stream processor's local state stores. */
// Shop-wide and per-product totals: no customer in them, open to anyone like the shop page.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/sales")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SalesController {

    /** A day of one-minute windows: what the stores keep by default (eventshop.analytics.window-retention). */
    static final int MAX_MINUTES = 1440;

    private final SalesQueries queries;

    public SalesController(SalesQueries queries) {
        this.queries = queries;
    }

    /** Every product: units and revenue of confirmed orders minus cancelled ones, since the beginning. */
    @Get("/products")
    public List<ProductSalesView> products() {
        return queries.products();
    }

    /** Orders per minute, their outcomes and what they sold, for the last {@code minutes} minutes. */
    @Get("/timeline")
    public TimelineView timeline(@QueryValue(defaultValue = "60") @Min(1) @Max(MAX_MINUTES) int minutes,
                                 @Nullable @QueryValue @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String sku) {
        return queries.timeline(minutes, sku);
    }

    /** The whole shop: orders by outcome, confirmation and cancellation rates, revenue, best sellers. */
    @Get("/shop")
    public ShopView shop() {
        return queries.shop();
    }
}
