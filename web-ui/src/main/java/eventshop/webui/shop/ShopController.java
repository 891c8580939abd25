package eventshop.webui.shop;

import eventshop.webui.forms.FieldErrors;
import eventshop.webui.forms.IdempotencyKeys;
import eventshop.webui.orders.OrderForm;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** The shop: product cards and the order form (which posts to {@code PlaceOrderController}). */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShopController {

    private final ShopPage shop;

    public ShopController(ShopPage shop) {
        this.shop = shop;
    }

    @Get
    public ModelAndView<Map<String, Object>> shop() {
        return shop.of("shop/index", OrderForm.blank(), new FieldErrors(), IdempotencyKeys.fresh()).render();
    }

    /** The product cards alone, refetched by the page when stock changes. */
    @Get("/shop/products")
    public ModelAndView<Map<String, Object>> products() {
        return shop.of("shop/products", OrderForm.blank(), new FieldErrors(), IdempotencyKeys.fresh()).render();
    }
}
