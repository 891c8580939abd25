package eventshop.orders.api;

import eventshop.orders.domain.OrderStatus;
import eventshop.orders.domain.RequestedLine;
import eventshop.orders.service.NewOrder;
import eventshop.orders.service.OrderCancellation;
import eventshop.orders.service.OrderPlacement;
import eventshop.orders.service.OrderQueries;
import eventshop.platform.http.PageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.UUID;

@Controller("/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "orders")
public class OrderController {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAY = "Idempotent-Replayed";

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final OrderQueries queries;

    public OrderController(OrderPlacement placement, OrderCancellation cancellation, OrderQueries queries) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.queries = queries;
    }

    @Operation(summary = "Place an order",
            description = "Stores the order as PENDING and publishes OrderPlaced. With an Idempotency-Key, a retry of "
                    + "the same request returns the order the first one created instead of creating another.")
    @Post
    public HttpResponse<OrderView> place(@Body @Valid PlaceOrderRequest request,
                                         @Header(IDEMPOTENCY_KEY) @Nullable @Size(max = 100)
                                         @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
                                         String idempotencyKey) {
        NewOrder order = new NewOrder(request.customer().name(), request.customer().email(),
                request.lines().stream().map(l -> new RequestedLine(l.sku(), l.quantity())).toList());
        OrderPlacement.Placed placed = placement.place(order, idempotencyKey);
        OrderView view = OrderView.of(placed.details());
        return HttpResponse.<OrderView>status(HttpStatus.CREATED).body(view)
                .headers(h -> h.location(URI.create(view.links().self()))
                        .add(IDEMPOTENT_REPLAY, String.valueOf(placed.replayed())));
    }

    @Operation(summary = "List orders, newest first", description = "page counts from 0; size is 1 to 100.")
    @Get
    public PageView<OrderSummary> list(@QueryValue @Nullable OrderStatus status,
                          @QueryValue(defaultValue = "0") @Min(0) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(queries.list(status, page, size), OrderSummary::of);
    }

    @Operation(summary = "One order with its lines and status history")
    @Get("/{id}")
    public OrderView get(@PathVariable UUID id) {
        return OrderView.of(queries.get(id));
    }

    @Operation(summary = "Cancel a PENDING or CONFIRMED order", description = "Publishes OrderCancelled; 409 otherwise.")
    @Post("/{id}/cancel")
    public OrderView cancel(@PathVariable UUID id, @Body @Nullable @Valid CancelRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? OrderCancellation.DEFAULT_REASON : request.reason();
        cancellation.cancel(id, reason);
        return OrderView.of(queries.get(id));
    }
}
