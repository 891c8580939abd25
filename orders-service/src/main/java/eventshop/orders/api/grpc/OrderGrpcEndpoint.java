package eventshop.orders.api.grpc;

import eventshop.api.orders.v1.CancelOrderRequest;
import eventshop.api.orders.v1.GetOrderRequest;
import eventshop.api.orders.v1.ListOrdersRequest;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import eventshop.orders.api.CancelRequest;
import eventshop.orders.api.IdempotencyKey;
import eventshop.orders.api.OrderListQuery;
import eventshop.orders.api.OrderView;
import eventshop.orders.service.OrderCancellation;
import eventshop.orders.service.OrderPlacement;
import eventshop.orders.service.OrderQueries;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.grpc.annotation.GrpcService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code eventshop.orders.v1.OrderService}: the order API over gRPC. Every rule is REST's: the request becomes the
 * REST API's record and is validated by its constraints, then the same placement, cancellation and query services
 * do the work; only the answer's shape differs.
 */
@GrpcService
public class OrderGrpcEndpoint extends OrderServiceGrpc.OrderServiceImplBase {

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final OrderQueries queries;
    private final OrderWatches watches;
    private final Validator validator;

    public OrderGrpcEndpoint(OrderPlacement placement, OrderCancellation cancellation, OrderQueries queries,
                             OrderWatches watches, Validator validator) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.queries = queries;
        this.watches = watches;
        this.validator = validator;
    }

    @Override
    public void placeOrder(PlaceOrderRequest request, StreamObserver<Order> response) {
        answer(response, () -> {
            eventshop.orders.api.PlaceOrderRequest order = valid(ProtoOrders.toRest(request));
            String idempotencyKey = RequestMetadata.idempotencyKey();
            Set<ConstraintViolation<IdempotencyKey>> badKey = validator.validate(new IdempotencyKey(idempotencyKey));
            if (!badKey.isEmpty()) {
                throw GrpcRefusals.invalidField(RequestMetadata.IDEMPOTENCY_KEY.name(), badKey);
            }
            OrderPlacement.Placed placed = placement.place(order.toNewOrder(), idempotencyKey);
            return order(placed.orderId());
        });
    }

    @Override
    public void getOrder(GetOrderRequest request, StreamObserver<Order> response) {
        answer(response, () -> order(orderId(request.getOrderId())));
    }

    @Override
    public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
        answer(response, () -> {
            int size = request.getPageSize() == 0 ? OrderListQuery.DEFAULT_SIZE : request.getPageSize();
            OrderListQuery query = valid(new OrderListQuery(ProtoOrders.fromProto(request.getStatus()),
                    request.getPage(), size), Map.of("size", "page_size"));
            return ProtoOrders.toProto(queries.list(query.status(), query.page(), query.size()));
        });
    }

    @Override
    public void cancelOrder(CancelOrderRequest request, StreamObserver<Order> response) {
        answer(response, () -> {
            UUID id = orderId(request.getOrderId());
            String reason = valid(new CancelRequest(request.getReason())).reason();
            cancellation.cancel(id, reason.isBlank() ? OrderCancellation.DEFAULT_REASON : reason);
            return order(id);
        });
    }

    @Override
    public void watchOrder(WatchOrderRequest request, StreamObserver<OrderStatusUpdate> response) {
        try {
            watches.watch(orderId(request.getOrderId()), (ServerCallStreamObserver<OrderStatusUpdate>) response);
        } catch (RuntimeException refused) {
            response.onError(GrpcRefusals.toStatus(refused));
        }
    }

    /**
     * A call whose deadline has already passed (or that the client gave up) is not carried out: no order is placed
     * or cancelled for a caller that will never hear of it.
     */
    private static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            if (Context.current().isCancelled()) {
                throw Status.DEADLINE_EXCEEDED.withDescription("the call's deadline passed before it was carried out")
                        .asRuntimeException();
            }
            result = work.get();
        } catch (RuntimeException refused) {
            response.onError(GrpcRefusals.toStatus(refused));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    private Order order(UUID id) {
        return ProtoOrders.toProto(OrderView.of(queries.get(id)));
    }

    private <T> T valid(T request) {
        return valid(request, Map.of());
    }

    /** REST's record names a field as REST does; {@code renames} gives the proto name where it differs. */
    private <T> T valid(T request, Map<String, String> renames) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw GrpcRefusals.invalidFields(violations, renames);
        }
        return request;
    }

    private static UUID orderId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw GrpcRefusals.invalidField("order_id", "must be a UUID");
        }
    }
}
