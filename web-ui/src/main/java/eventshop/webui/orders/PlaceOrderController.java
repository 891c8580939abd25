package eventshop.webui.orders;

import eventshop.api.orders.v1.LineItem;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.webui.errors.RequestIds;
import eventshop.webui.forms.FieldErrors;
import eventshop.webui.forms.IdempotencyKeys;
import eventshop.webui.layout.Page;
import eventshop.webui.shop.ShopPage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * The shop's order form, posted: checked with Bean Validation, placed with orders-service, and on any refusal the
 * shop page again with every field as typed and each message next to its field.
 */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlaceOrderController {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrderController.class);

    /** After a time-out the order may or may not exist: say so, and say why trying again is safe. */
    static final String UNCERTAIN = "The orders service did not answer in time, so we cannot tell whether your "
            + "order went through. Look at your orders (My orders) before ordering again. Pressing \"Place order\" "
            + "again is safe: this form is the same order, and the shop will not place it twice.";

    private final OrdersGateway orders;
    private final ShopPage shop;
    private final Validator validator;

    public PlaceOrderController(OrdersGateway orders, ShopPage shop, Validator validator) {
        this.orders = orders;
        this.shop = shop;
        this.validator = validator;
    }

    /**
     * Every re-rendered form keeps the key it was submitted with: whatever happened to this submit, sending the form
     * again can never place a second order (orders-service answers a known key with the order it already placed).
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> place(@Body OrderForm.Submitted submitted, HttpRequest<?> request) {
        OrderForm form = submitted.toForm();
        String key = IdempotencyKeys.orFresh(submitted.idempotencyKey());
        FieldErrors errors = FieldErrors.of(validator.validate(form));
        if (!errors.isEmpty()) {
            return sentBack(form, errors, null, key);
        }
        // The click's request id becomes the correlation id of every event this order causes.
        String requestId = RequestIds.of(request);
        try {
            OrderView order = orders.place(requestId, key, toRequest(form));
            LOG.info("order {} placed for request {}", order.id(), requestId);
            return MyOrders.remember(HttpResponse.seeOther(URI.create("/orders/" + order.id())), request, order.id());
        } catch (StatusRuntimeException e) {
            if (OrderRefusals.isRefusal(e)) {
                return sentBack(form, OrderRefusals.toFieldErrors(e, form), null, key);
            }
            LOG.warn("orders-service did not place an order: {}", e.getStatus());
            return sentBack(form, errors, notPlaced(e.getStatus().getCode()), key);
        }
    }

    private static String notPlaced(Status.Code code) {
        return switch (code) {
            case DEADLINE_EXCEEDED -> UNCERTAIN;
            case UNAVAILABLE -> "The orders service is not reachable right now. Your order was not placed; "
                    + "everything you typed is still here — please try again in a moment.";
            default -> "The orders service failed (" + code + "). Your order was not placed; everything you typed "
                    + "is still here — please try again.";
        };
    }

    /** The shop page with the form as submitted: 422 for a refusal, 503 when orders-service could not decide. */
    private HttpResponse<?> sentBack(OrderForm form, FieldErrors errors, @Nullable String banner, String key) {
        Page page = shop.of("shop/index", form, errors, key);
        if (banner != null) {
            page.banner(banner);
        }
        HttpStatus status = banner != null ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.status(status).body(page.render());
    }

    private static PlaceOrderRequest toRequest(OrderForm form) {
        return OrdersGateway.placeRequest(form.customer().name(), form.customer().email(), form.lines().stream()
                .map(l -> LineItem.newBuilder().setSku(l.sku()).setQuantity(l.quantityValue()).build()).toList());
    }
}
