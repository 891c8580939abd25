package eventshop.webui.orders;

import eventshop.webui.security.StaffSignIn;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import eventshop.webui.audit.AuditClient;
import eventshop.webui.audit.Timeline;
import eventshop.webui.errors.RequestIds;
import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Fetched;
import eventshop.webui.layout.Page;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The order list, one order with its status history and event timeline, and cancelling. */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrdersController {

    private static final int PAGE_SIZE = 50;
    private static final Map<String, String> NOTICES = Map.of(
            "cancel-refused", "This order can no longer be cancelled.",
            "cancel-failed", "The orders service could not cancel the order right now; it was not cancelled. Try again.");

    private final OrdersGateway orders;
    private final AuditClient audit;
    private final Downstream downstream;

    public OrdersController(OrdersGateway orders, AuditClient audit, Downstream downstream) {
        this.orders = orders;
        this.audit = audit;
        this.downstream = downstream;
    }

    /** Every customer's order: staff only. A shopper sees their own at /orders/{id} and /orders/mine. */
    @Get("{?status}")
    @Secured(StaffSignIn.STAFF)
    public ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String status) {
        return listPage("orders/list", status).render();
    }

    /** The table alone, refetched by the page whenever an order event arrives. */
    @Get("/rows{?status}")
    @Secured(StaffSignIn.STAFF)
    public ModelAndView<Map<String, Object>> rows(@Nullable @QueryValue String status) {
        return listPage("orders/rows", status).render();
    }

    /** The orders placed from this browser (a shopper has no account): see {@link MyOrders}. */
    @Get("/mine")
    public ModelAndView<Map<String, Object>> mine(HttpRequest<?> request) {
        Page page = Page.of("orders/mine", "My orders", "mine");
        List<OrderView> found = new java.util.ArrayList<>();
        for (UUID id : MyOrders.of(request)) {
            Fetched<Optional<OrderView>> order = downstream.fetch("The orders service", () -> orders.find(id));
            page.use(order, Optional.<OrderView>empty()).ifPresent(found::add);
        }
        return page.with("orders", found).render();
    }

    @Get("/{id}{?notice}")
    public HttpResponse<?> order(UUID id, @Nullable @QueryValue String notice) {
        Page page = orderPage("orders/detail", id);
        if (notice != null && NOTICES.containsKey(notice)) {
            page.banner(NOTICES.get(notice));
        }
        return respond(page);
    }

    /** Status, history and timeline alone, refetched by the order page whenever one of its events arrives. */
    @Get("/{id}/live")
    public HttpResponse<?> detailBody(UUID id) {
        return respond(orderPage("orders/detail-body", id));
    }

    @Post(value = "/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> cancel(UUID id, HttpRequest<?> request) {
        String notice = null;
        try {
            orders.cancel(id, RequestIds.of(request), "cancelled from the web shop");
        } catch (StatusRuntimeException e) {
            // A refusal is orders-service's answer about this order (FAILED_PRECONDITION: already rejected or
            // cancelled); anything else (unavailable, deadline, internal) says only that it could not do it now.
            notice = OrderRefusals.isRefusal(e) ? "cancel-refused" : "cancel-failed";
        }
        return HttpResponse.seeOther(URI.create("/orders/" + id + (notice == null ? "" : "?notice=" + notice)));
    }

    private Page listPage(String view, @Nullable String status) {
        String filter = status != null && OrderStatuses.ALL.contains(status) ? status : null;
        Page page = Page.of(view, "Orders", "orders").with("statuses", OrderStatuses.ALL).with("status", filter);
        OrderListPage result = page.use(downstream.fetch("The orders service",
                () -> orders.list(filter, 0, PAGE_SIZE)), OrderListPage.empty(PAGE_SIZE));
        return page.with("orders", result);
    }

    private Page orderPage(String view, UUID id) {
        Page page = Page.of(view, "Order", "orders").with("orderId", id);
        Fetched<Optional<OrderView>> order = downstream.fetch("The orders service", () -> orders.find(id));
        OrderView found = page.use(order, Optional.<OrderView>empty()).orElse(null);
        page.with("order", found).with("missing", order.available() && found == null);
        Fetched<Optional<Timeline>> timeline = downstream.fetch("The audit service", () -> audit.timeline(id));
        if (!timeline.available()) {
            page.banner(timeline.problem() + " The event timeline is not shown; the order itself is.");
        }
        List<Timeline.Event> events = timeline.orElse(Optional.empty()).map(Timeline::events).orElse(List.of());
        page.with("timelineAvailable", timeline.available()).with("events", events)
                .with("correlationId", events.isEmpty() ? null : events.get(0).correlationId())
                .with("diagram", TimelineDiagram.of(found == null ? null : found.createdAt(), events));
        return page;
    }

    private static HttpResponse<?> respond(Page page) {
        return Boolean.TRUE.equals(page.get("missing")) ? HttpResponse.status(HttpStatus.NOT_FOUND).body(page.render())
                : HttpResponse.ok(page.render());
    }
}
