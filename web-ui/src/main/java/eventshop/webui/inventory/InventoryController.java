package eventshop.webui.inventory;

import eventshop.webui.security.StaffSignIn;
import io.micronaut.security.annotation.Secured;
import eventshop.events.StockReplenished;
import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import eventshop.webui.forms.IdempotencyKeys;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Stock per product and the restock form: the second stimulus of the system. */
@Produces(MediaType.TEXT_HTML)
@Secured(StaffSignIn.STAFF)
@Controller("/inventory")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InventoryController {

    /** inventory-notification-service's rule, from the one constant both use. */
    static final String QUANTITY_RULE = "A whole number from 1 to " + StockReplenished.MAX_QUANTITY + ".";

    private final InventoryClient inventory;
    private final Downstream downstream;

    public InventoryController(InventoryClient inventory, Downstream downstream) {
        this.inventory = inventory;
        this.downstream = downstream;
    }

    /** @param idempotencyKey the form's hidden key: one filled-in form is one restock, however often it is sent */
    @Serdeable
    public record RestockForm(@Nullable String quantity, @Nullable String idempotencyKey) {
    }

    /** Hands every restock form the page renders a key of its own. */
    public static final class FreshKeys {
        public String next() {
            return IdempotencyKeys.fresh();
        }
    }

    @Get("{?restocked}")
    public ModelAndView<Map<String, Object>> inventory(@Nullable @QueryValue String restocked) {
        return page("inventory/index", restocked, null, null, null).render();
    }

    /** The stock table alone, refetched by the page when stock changes. */
    @Get("/rows")
    public ModelAndView<Map<String, Object>> rows() {
        return page("inventory/rows", null, null, null, null).render();
    }

    @Post(value = "/{sku}/restock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> restock(String sku, @Body RestockForm form) {
        String typed = form.quantity() == null ? "" : form.quantity().trim();
        String key = IdempotencyKeys.orFresh(form.idempotencyKey());
        int quantity;
        try {
            quantity = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            quantity = 0;
        }
        if (quantity < 1 || quantity > StockReplenished.MAX_QUANTITY) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page("inventory/index", null, sku,
                    typed, QUANTITY_RULE).with("errorKey", key).render());
        }
        try {
            inventory.restock(sku, key, new InventoryClient.RestockRequest(quantity));
            return HttpResponse.seeOther(URI.create("/inventory?restocked="
                    + URLEncoder.encode(sku, StandardCharsets.UTF_8)));
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page("inventory/index", null, sku,
                    typed, "The inventory service refused: " + e.getMessage()).with("errorKey", key).render());
        } catch (ReadTimeoutException e) {
            Page page = page("inventory/index", null, sku, typed, null).with("errorKey", key);
            page.banner("The inventory service did not answer in time, so we cannot tell whether " + sku + " was "
                    + "restocked. Check its stock below; pressing Restock again on this form is safe: it will not "
                    + "restock twice.");
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(page.render());
        } catch (HttpClientException e) {
            Page page = page("inventory/index", null, sku, typed, null).with("errorKey", key);
            page.banner("The inventory service is not reachable right now; nothing was restocked.");
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(page.render());
        }
    }

    private Page page(String view, @Nullable String restocked, @Nullable String errorSku, @Nullable String typed,
                      @Nullable String error) {
        Page page = Page.of(view, "Inventory", "inventory");
        List<Product> products = page.use(downstream.fetch("The inventory service", inventory::products),
                List.of());
        return page.with("products", products).with("restocked", restocked).with("errorSku", errorSku)
                .with("keys", new FreshKeys())
                .with("typed", typed).with("error", error);
    }
}
