package eventshop.webui.inventory;

import eventshop.webui.forms.FieldErrors;
import eventshop.webui.forms.IdempotencyKeys;
import eventshop.webui.forms.ProblemDetails;
import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Page;
import eventshop.webui.security.StaffSignIn;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import jakarta.validation.Validator;

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

    private final InventoryClient inventory;
    private final Downstream downstream;
    private final Validator validator;

    public InventoryController(InventoryClient inventory, Downstream downstream, Validator validator) {
        this.inventory = inventory;
        this.downstream = downstream;
        this.validator = validator;
    }

    /** Hands every restock form the page renders a key of its own. */
    public static final class FreshKeys {
        public String next() {
            return IdempotencyKeys.fresh();
        }
    }

    /** The one restock form sent back, with what was typed and what is wrong; the other rows get fresh forms. */
    public record SentBack(String sku, String quantity, String idempotencyKey) {
    }

    @Get("{?restocked}")
    public ModelAndView<Map<String, Object>> inventory(@Nullable @QueryValue String restocked) {
        return page("inventory/index").with("restocked", restocked).render();
    }

    /** The stock table alone, refetched by the page when stock changes. */
    @Get("/rows")
    public ModelAndView<Map<String, Object>> rows() {
        return page("inventory/rows").render();
    }

    @Post(value = "/{sku}/restock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> restock(String sku, @Body RestockForm form) {
        SentBack typed = new SentBack(sku, form.quantity() == null ? "" : form.quantity().trim(),
                IdempotencyKeys.orFresh(form.idempotencyKey()));
        FieldErrors errors = FieldErrors.of(validator.validate(form));
        if (!errors.isEmpty()) {
            return sentBack(HttpStatus.UNPROCESSABLE_ENTITY, typed, errors, null);
        }
        try {
            inventory.restock(sku, typed.idempotencyKey(), new InventoryClient.RestockRequest(form.quantityValue()));
            return HttpResponse.seeOther(URI.create("/inventory?restocked="
                    + URLEncoder.encode(sku, StandardCharsets.UTF_8)));
        } catch (HttpClientResponseException e) {
            ProblemDetails problem = e.getResponse().getBody(ProblemDetails.class)
                    .orElse(new ProblemDetails(null, e.getMessage(), null));
            return sentBack(HttpStatus.UNPROCESSABLE_ENTITY, typed, FieldErrors.of(problem, "quantity"), null);
        } catch (ReadTimeoutException e) {
            return sentBack(HttpStatus.SERVICE_UNAVAILABLE, typed, errors, "The inventory service did not answer in "
                    + "time, so we cannot tell whether " + sku + " was restocked. Check its stock below; pressing "
                    + "Restock again on this form is safe: it will not restock twice.");
        } catch (HttpClientException e) {
            return sentBack(HttpStatus.SERVICE_UNAVAILABLE, typed, errors,
                    "The inventory service is not reachable right now; nothing was restocked.");
        }
    }

    private HttpResponse<?> sentBack(HttpStatus status, SentBack typed, FieldErrors errors, @Nullable String banner) {
        Page page = page("inventory/index").with("sentBack", typed).with("errors", errors);
        if (banner != null) {
            page.banner(banner);
        }
        return HttpResponse.status(status).body(page.render());
    }

    private Page page(String view) {
        Page page = Page.of(view, "Inventory", "inventory");
        List<Product> products = page.use(downstream.fetch("The inventory service", inventory::products),
                List.of());
        return page.with("products", products).with("keys", new FreshKeys()).with("errors", new FieldErrors());
    }
}
