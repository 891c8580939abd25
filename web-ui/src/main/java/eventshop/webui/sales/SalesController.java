package eventshop.webui.sales;

import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Page;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/**
 * The Sales page: revenue and units per minute, revenue per product, the best sellers, from analytics-service. The
 * figures region refetches itself whenever a record arrives on shop.sales (over the page's Server-Sent Events).
 */
@Produces(MediaType.TEXT_HTML)
// Shop-wide and per-product totals: no customer in them, open to anyone like the shop page.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/sales")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SalesController {

    /** The chart shows the last half hour: enough to see the demo's orders, narrow enough to read each minute. */
    static final int MINUTES = 30;

    private final SalesClient sales;
    private final Downstream downstream;

    public SalesController(SalesClient sales, Downstream downstream) {
        this.sales = sales;
        this.downstream = downstream;
    }

    @Get
    public ModelAndView<Map<String, Object>> sales() {
        return page("sales/index").render();
    }

    /** The charts and tables alone, refetched by the page when shop.sales changes. */
    @Get("/figures")
    public ModelAndView<Map<String, Object>> figures() {
        return page("sales/figures").render();
    }

    private Page page(String view) {
        Page page = Page.of(view, "Sales", "sales");
        String service = "The analytics service";
        List<SalesClient.ProductSales> products = page.use(downstream.fetch(service, sales::products), List.of());
        SalesClient.Timeline timeline = page.use(downstream.fetch(service, () -> sales.timeline(MINUTES)), null);
        SalesClient.Shop shop = page.use(downstream.fetch(service, sales::shop), null);
        List<SalesClient.Minute> minutes = timeline == null ? List.of() : timeline.minutes();
        String currency = shop != null ? shop.currency() : timeline != null ? timeline.currency() : "";
        return page.with("products", products).with("minutes", minutes).with("shop", shop)
                .with("available", shop != null && timeline != null)
                .with("charts", SalesCharts.of(minutes, products, currency)).with("currency", currency);
    }
}
