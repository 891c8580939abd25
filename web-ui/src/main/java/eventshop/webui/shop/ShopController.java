package eventshop.webui.shop;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import eventshop.webui.errors.RequestIds;
import eventshop.webui.layout.Page;
import eventshop.api.orders.v1.LineItem;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.webui.orders.OrderView;
import eventshop.webui.orders.OrderForm;
import eventshop.webui.orders.OrderRefusals;
import eventshop.webui.forms.FieldErrors;
import eventshop.webui.forms.IdempotencyKeys;
import eventshop.webui.orders.OrdersGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import eventshop.webui.orders.MyOrders;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;

/** The shop: product cards and the order form, the click that starts every chain of events. */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShopController {

    private static final Logger LOG = LoggerFactory.getLogger(ShopController.class);

    private final ProductCatalog catalog;
    private final OrdersGateway orders;
    private final OrderRefusals problems;
    private final Validator validator;

    public ShopController(ProductCatalog catalog, OrdersGateway orders, OrderRefusals problems, Validator validator) {
        this.catalog = catalog;
        this.orders = orders;
        this.problems = problems;
        this.validator = validator;
    }

    @Get
    public ModelAndView<Map<String, Object>> shop() {
        return shopPage("shop/index", OrderForm.blank(), new FieldErrors(), IdempotencyKeys.fresh()).render();
    }

    /** The product cards alone, refetched by the page when stock changes. */
    @Get("/shop/products")
    public ModelAndView<Map<String, Object>> products() {
        return shopPage("shop/products", OrderForm.blank(), new FieldErrors(), IdempotencyKeys.fresh()).render();
    }

    /**
     * Every re-rendered form keeps the key it was submitted with: whatever happened to this submit, sending the form
     * again can never place a second order (orders-service answers a known key with the order it already placed).
     */
    @Post(value = "/orders", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> place(@Body OrderForm.Submitted submitted, HttpRequest<?> request) {
        OrderForm form = submitted.toForm();
        String key = IdempotencyKeys.orFresh(submitted.idempotencyKey());
        FieldErrors errors = validate(form);
        if (!errors.isEmpty()) {
            return rejected(form, errors, null, key);
        }
        // The click's request id becomes the correlation id of every event this order causes.
        String requestId = RequestIds.of(request);
        try {
            OrderView order = orders.place(requestId, key, toRequest(form));
            LOG.info("order {} placed for request {}", order.id(), requestId);
            return MyOrders.remember(HttpResponse.seeOther(URI.create("/orders/" + order.id())), request, order.id());
        } catch (StatusRuntimeException e) {
            if (OrderRefusals.isRefusal(e)) {
                return rejected(form, problems.toFieldErrors(e, form), null, key);
            }
            Status.Code code = e.getStatus().getCode();
            LOG.warn("orders-service did not place an order: {}", e.getStatus());
            if (code == Status.Code.DEADLINE_EXCEEDED) {
                return rejected(form, errors, UNCERTAIN, key);
            }
            if (code == Status.Code.UNAVAILABLE) {
                return rejected(form, errors, "The orders service is not reachable right now. Your order was not "
                        + "placed; everything you typed is still here — please try again in a moment.", key);
            }
            return rejected(form, errors, "The orders service failed (" + code + "). Your order was not placed; "
                    + "everything you typed is still here — please try again.", key);
        }
    }

    /** After a time-out the order may or may not exist: say so, and say why trying again is safe. */
    static final String UNCERTAIN = "The orders service did not answer in time, so we cannot tell whether your "
            + "order went through. Look at your orders (My orders) before ordering again. Pressing \"Place order\" "
            + "again is safe: this form is the same order, and the shop will not place it twice.";

    private FieldErrors validate(OrderForm form) {
        FieldErrors errors = new FieldErrors();
        for (ConstraintViolation<OrderForm> v : validator.validate(form)) {
            errors.add(v.getPropertyPath().toString(), v.getMessage());
        }
        for (int i = 0; i < form.lines().size(); i++) {
            if (!form.lines().get(i).quantityInRange()) {
                errors.add("lines[" + i + "].quantity", OrderForm.QUANTITY_RULE);
            }
        }
        return errors;
    }

    private HttpResponse<?> rejected(OrderForm form, FieldErrors errors, String banner, String idempotencyKey) {
        Page page = shopPage("shop/index", form, errors, idempotencyKey);
        if (banner != null) {
            page.banner(banner);
        }
        HttpStatus status = banner != null ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.status(status).body(page.render());
    }

    private Page shopPage(String view, OrderForm form, FieldErrors errors, String idempotencyKey) {
        ProductCatalog.Offer offer = catalog.offer();
        Page page = Page.of(view, "Shop", "shop")
                .with("idempotencyKey", idempotencyKey)
                .with("products", offer.products())
                .with("skus", offer.products().stream().map(ShopProduct::sku).toList())
                .with("form", form.lines().isEmpty() ? new OrderForm(form.name(), form.email(),
                        OrderForm.blank().lines()) : form)
                .with("errors", errors);
        if (offer.problem() != null) {
            page.banner(offer.problem());
        }
        return page;
    }

    private static PlaceOrderRequest toRequest(OrderForm form) {
        return OrdersGateway.placeRequest(form.name(), form.email(), form.lines().stream()
                .map(l -> LineItem.newBuilder().setSku(l.sku()).setQuantity(l.quantityValue()).build()).toList());
    }
}
