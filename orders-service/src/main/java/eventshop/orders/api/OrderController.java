package eventshop.orders.api;

import eventshop.orders.service.OrderCancellation;
import eventshop.orders.service.OrderPlacement;
import eventshop.orders.service.OrderQueries;
import eventshop.platform.http.PageView;
import eventshop.platform.security.Roles;
import eventshop.platform.http.openapi.BodyProblems;
import eventshop.platform.http.openapi.ConflictProblem;
import eventshop.platform.http.openapi.InvalidRequestProblem;
import eventshop.platform.http.openapi.NotFoundProblem;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.UUID;

@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "orders")
@StandardProblems
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
    @ApiResponse(responseCode = "201", description = "The order as stored (PENDING), or with a repeated "
            + "Idempotency-Key the order the first request created.",
            headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                    description = "The order's URI", schema = @Schema(type = "string")),
                    @io.swagger.v3.oas.annotations.headers.Header(name = IDEMPOTENT_REPLAY, description = "true when an earlier request with the same "
                            + "Idempotency-Key created this order", schema = @Schema(type = "boolean"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @BodyProblems
    @Post
    public HttpResponse<OrderView> place(@Body @Valid PlaceOrderRequest request,
                                         @Header(IDEMPOTENCY_KEY) @Nullable @Size(max = IdempotencyKey.MAX_LENGTH)
                                         @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.RULE)
                                         String idempotencyKey) {
        OrderPlacement.Placed placed = placement.place(request.toNewOrder(), idempotencyKey);
        OrderView view = OrderView.of(placed.details());
        return HttpResponse.<OrderView>status(HttpStatus.CREATED).body(view)
                .headers(h -> h.location(URI.create(view.links().self()))
                        .add(IDEMPOTENT_REPLAY, String.valueOf(placed.replayed())));
    }

    @Operation(summary = "List orders, newest first", description = "page counts from 0; size is 1 to 100.")
    @InvalidRequestProblem
    @Get
    @Secured({Roles.STAFF, Roles.SERVICE}) // every customer's name and e-mail: staff only
    public PageView<OrderSummary> list(@Valid @RequestBean OrderListQuery query) {
        return PageView.of(queries.list(query.status(), query.page(), query.size()), OrderSummary::of);
    }

    @Operation(summary = "One order with its lines and status history")
    @InvalidRequestProblem
    @NotFoundProblem
    @Get("/{id}")
    public OrderView get(@PathVariable UUID id) {
        return OrderView.of(queries.get(id));
    }

    @Operation(summary = "Cancel a PENDING or CONFIRMED order", description = "Publishes OrderCancelled; 409 otherwise.")
    @NotFoundProblem
    @ConflictProblem
    @BodyProblems
    @Post("/{id}/cancel")
    public OrderView cancel(@PathVariable UUID id, @Body @Nullable @Valid CancelRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? OrderCancellation.DEFAULT_REASON : request.reason();
        cancellation.cancel(id, reason);
        return OrderView.of(queries.get(id));
    }
}
