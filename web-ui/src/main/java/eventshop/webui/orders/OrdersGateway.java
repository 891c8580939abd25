package eventshop.webui.orders;

import com.google.protobuf.Timestamp;
import eventshop.api.orders.v1.CancelOrderRequest;
import eventshop.api.orders.v1.Customer;
import eventshop.api.orders.v1.GetOrderRequest;
import eventshop.api.orders.v1.LineItem;
import eventshop.api.orders.v1.ListOrdersRequest;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import eventshop.events.EventHeaders;
import eventshop.webui.security.BackendCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * orders-service's gRPC order API as the pages need it: commands and reads with a deadline each, answers in the
 * records the templates already use, and an order's status changes as a stream (WatchOrder). Refusals arrive as
 * {@link StatusRuntimeException}; {@link OrderRefusals} reads them.
 */
@Singleton
public class OrdersGateway {

    private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of(EventHeaders.HTTP_REQUEST_ID.toLowerCase(),
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> IDEMPOTENCY_KEY = Metadata.Key.of("idempotency-key",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final OrderServiceGrpc.OrderServiceBlockingStub blocking;
    private final OrderServiceGrpc.OrderServiceStub async;
    private final OrdersGrpcConfiguration configuration;
    private final BackendCredentials.Account account;

    public OrdersGateway(@GrpcChannel("orders") ManagedChannel channel, OrdersGrpcConfiguration configuration,
                         BackendCredentials.Account account) {
        this.blocking = OrderServiceGrpc.newBlockingStub(channel);
        this.async = OrderServiceGrpc.newStub(channel);
        this.configuration = configuration;
        this.account = account;
    }

    /**
     * The click's request id becomes the correlation id of every event the order causes.
     *
     * @param idempotencyKey the order form's own key: a second submit of the same form (double click, browser retry,
     *                       "try again" after a time-out) returns the order the first one placed
     */
    public OrderView place(String requestId, String idempotencyKey, PlaceOrderRequest request) {
        Metadata metadata = new Metadata();
        metadata.put(IDEMPOTENCY_KEY, idempotencyKey);
        return view(call(requestId).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .placeOrder(request));
    }

    public static PlaceOrderRequest placeRequest(String name, String email, List<LineItem> lines) {
        return PlaceOrderRequest.newBuilder().setCustomer(Customer.newBuilder().setName(name).setEmail(email))
                .addAllLines(lines).build();
    }

    /** @param status one of {@link OrderStatuses#ALL}, or null for every order */
    public OrderListPage list(@Nullable String status, int page, int size) {
        ListOrdersRequest.Builder request = ListOrdersRequest.newBuilder().setPage(page).setPageSize(size);
        if (status != null) {
            request.setStatus(OrderStatuses.toProto(status));
        }
        // Every customer's name: orders-service wants a staff account, web-ui's own (the page itself is staff-only).
        ListOrdersResponse response = call(null).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                serviceAccount())).listOrders(request.build());
        return new OrderListPage(response.getOrdersList().stream().map(o -> new OrderListPage.Summary(
                UUID.fromString(o.getId()), OrderStatuses.nameOf(o.getStatus()), o.getCustomerName(),
                new BigDecimal(o.getTotal()), o.getCurrency(), instant(o.getCreatedAt()), instant(o.getUpdatedAt())))
                .toList(),
                response.getPage(), response.getPageSize(), response.getTotal());
    }

    public Optional<OrderView> find(UUID id) {
        try {
            return Optional.of(view(call(null).getOrder(GetOrderRequest.newBuilder().setOrderId(id.toString())
                    .build())));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public OrderView cancel(UUID id, String requestId, String reason) {
        return view(call(requestId).cancelOrder(CancelOrderRequest.newBuilder().setOrderId(id.toString())
                .setReason(reason).build()));
    }

    /** The order's status now, then each change, completing after a final one; errors end it (the page reconnects). */
    public Flux<OrderStatusChange> watch(UUID id) {
        return Flux.create(sink -> async.withDeadlineAfter(configuration.watchTimeout().toMillis(),
                TimeUnit.MILLISECONDS).watchOrder(WatchOrderRequest.newBuilder().setOrderId(id.toString()).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(OrderStatusUpdate update) {
                        sink.next(new OrderStatusChange(id, OrderStatuses.nameOf(update.getStatus()), update.getReason(),
                                update.getFinal()));
                    }

                    @Override
                    public void onError(Throwable t) {
                        sink.error(t);
                    }

                    @Override
                    public void onCompleted() {
                        sink.complete();
                    }
                }));
    }

    /** One status of a watched order, as the page's live stream carries it. */
    public record OrderStatusChange(UUID orderId, String status, String reason, boolean isFinal) {
    }

    private Metadata serviceAccount() {
        Metadata metadata = new Metadata();
        if (account.getPassword() != null && !account.getPassword().isEmpty()) {
            metadata.put(AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                    (account.getUsername() + ":" + account.getPassword()).getBytes(StandardCharsets.UTF_8)));
        }
        return metadata;
    }

    private OrderServiceGrpc.OrderServiceBlockingStub call(@Nullable String requestId) {
        OrderServiceGrpc.OrderServiceBlockingStub stub = blocking.withDeadlineAfter(
                configuration.deadline().toMillis(), TimeUnit.MILLISECONDS);
        if (requestId == null) {
            return stub;
        }
        Metadata metadata = new Metadata();
        metadata.put(REQUEST_ID, requestId);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    private static OrderView view(Order o) {
        return new OrderView(UUID.fromString(o.getId()), OrderStatuses.nameOf(o.getStatus()),
                new OrderView.Customer(o.getCustomer().getName(), o.getCustomer().getEmail()),
                o.getLinesList().stream().map(l -> new OrderView.Line(l.getSku(), l.getProductName(),
                        new BigDecimal(l.getUnitPrice()), l.getQuantity(), new BigDecimal(l.getLineTotal()))).toList(),
                new BigDecimal(o.getTotal()), o.getCurrency(), instant(o.getCreatedAt()), instant(o.getUpdatedAt()),
                o.getStatusReason().isEmpty() ? null : o.getStatusReason(),
                o.getHistoryList().stream().map(h -> new OrderView.StatusChange(OrderStatuses.nameOf(h.getStatus()),
                        instant(h.getAt()), h.getReason().isEmpty() ? null : h.getReason())).toList(),
                o.getCancellable());
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
