package eventshop.orders.api.grpc;

import com.google.rpc.BadRequest;
import eventshop.api.orders.v1.CancelOrderRequest;
import eventshop.api.orders.v1.Customer;
import eventshop.api.orders.v1.GetOrderRequest;
import eventshop.api.orders.v1.LineItem;
import eventshop.api.orders.v1.ListOrdersRequest;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.api.orders.v1.OrderStatus;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.Shortage;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReserved;
import eventshop.events.Topics;
import eventshop.orders.OrdersServiceFixture;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestAccounts;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The gRPC order API against the running service, the real broker and PostgreSQL: every RPC, refusals with their
 * status codes and field violations, request ids carried into the events, WatchOrder streams ending at CONFIRMED and
 * at REJECTED, deadlines, health and reflection.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcOrderApiTest extends OrdersServiceFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> IDEMPOTENCY_KEY = Metadata.Key.of("idempotency-key",
            Metadata.ASCII_STRING_MARSHALLER);

    @Inject
    GrpcEmbeddedServer server;
    @Inject
    OrderWatches watches;

    private ManagedChannel channel;
    private OrderServiceGrpc.OrderServiceBlockingStub orders;
    private OrderServiceGrpc.OrderServiceBlockingStub asStaff;
    private KafkaTestClient.TopicWatcher topics;

    GrpcOrderApiTest() {
        super("orders_grpc");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("micronaut.server.port", "-1"); // the gRPC server takes a free port by itself in tests
    }

    @BeforeAll
    void setUp() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        orders = OrderServiceGrpc.newBlockingStub(channel);
        asStaff = orders.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                authorization(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)));
        topics = kafka.watch(List.of(Topics.ORDERS));
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        topics.close();
    }

    @Test
    void placeOrderStoresItPendingAndCarriesTheRequestIdIntoTheEvent() {
        AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
        Order order = withMetadata(Map.of(REQUEST_ID, "grpc-place-1"), responseHeaders)
                .placeOrder(request("Grace", "grace@example.com", "TEST-LAT", 2));

        assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);
        assertThat(order.getTotal()).isEqualTo("6.40");
        assertThat(order.getCurrency()).isEqualTo("EUR");
        assertThat(order.getLines(0).getProductName()).isEqualTo("Caffè Latte");
        assertThat(order.getLines(0).getLineTotal()).isEqualTo("6.40");
        assertThat(order.getCancellable()).isTrue();
        assertThat(order.getHistoryList()).extracting(h -> h.getStatus()).containsExactly(OrderStatus.ORDER_STATUS_PENDING);
        assertThat(responseHeaders.get().get(REQUEST_ID)).isEqualTo("grpc-place-1");

        ConsumerRecord<String, byte[]> placed = await().atMost(WAIT).until(() -> event(order.getId(), "OrderPlaced"),
                r -> r != null);
        assertThat(header(placed, EventHeaders.CORRELATION_ID)).isEqualTo("grpc-place-1");
        assertThat(codec.decode(placed.value()).correlationId()).isEqualTo("grpc-place-1");

        Order read = orders.getOrder(GetOrderRequest.newBuilder().setOrderId(order.getId()).build());
        assertThat(read).isEqualTo(order);
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstOrderAndRefusesADifferentRequest() {
        String key = "grpc-key-" + UUID.randomUUID();
        Order first = withMetadata(Map.of(IDEMPOTENCY_KEY, key), null).placeOrder(request("Ida", "ida@example.com",
                "TEST-ESP", 1));
        Order retry = withMetadata(Map.of(IDEMPOTENCY_KEY, key), null).placeOrder(request("Ida", "ida@example.com",
                "TEST-ESP", 1));
        assertThat(retry.getId()).isEqualTo(first.getId());

        StatusRuntimeException reused = refusal(() -> withMetadata(Map.of(IDEMPOTENCY_KEY, key), null)
                .placeOrder(request("Ida", "ida@example.com", "TEST-ESP", 2)));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(reused.getStatus().getDescription()).contains(first.getId());

        StatusRuntimeException badKey = refusal(() -> withMetadata(Map.of(IDEMPOTENCY_KEY, "x".repeat(101)), null)
                .placeOrder(request("Ida", "ida@example.com", "TEST-ESP", 1)));
        assertThat(fieldViolations(badKey)).containsKey("idempotency-key");
    }

    @Test
    void badInputIsInvalidArgumentNamingEachFieldAsRestDoes() {
        StatusRuntimeException invalid = refusal(() -> orders.placeOrder(PlaceOrderRequest.newBuilder()
                .setCustomer(Customer.newBuilder().setName("").setEmail("not-an-email"))
                .addLines(LineItem.newBuilder().setSku("TEST-ESP").setQuantity(0))
                .addLines(LineItem.newBuilder().setSku("").setQuantity(101)).build()));
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fieldViolations(invalid)).containsOnlyKeys("customer.name", "customer.email", "lines[0].quantity",
                "lines[1].sku", "lines[1].quantity");

        StatusRuntimeException noLines = refusal(() -> orders.placeOrder(PlaceOrderRequest.newBuilder()
                .setCustomer(Customer.newBuilder().setName("N").setEmail("n@example.com")).build()));
        assertThat(fieldViolations(noLines)).containsOnlyKeys("lines");

        StatusRuntimeException unknownSku = refusal(() -> orders.placeOrder(request("U", "u@example.com", "NOPE", 1)));
        assertThat(unknownSku.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fieldViolations(unknownSku)).containsEntry("lines[0].sku", "unknown SKU 'NOPE'");

        StatusRuntimeException badId = refusal(() -> orders.getOrder(GetOrderRequest.newBuilder()
                .setOrderId("not-a-uuid").build()));
        assertThat(fieldViolations(badId)).containsKey("order_id");

        StatusRuntimeException badPage = refusal(() -> asStaff.listOrders(ListOrdersRequest.newBuilder()
                .setPageSize(101).build()));
        assertThat(fieldViolations(badPage)).containsKey("page_size");
    }

    @Test
    void anUnknownOrderIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(refusal(() -> orders.getOrder(GetOrderRequest.newBuilder().setOrderId(unknown).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(refusal(() -> orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(unknown).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        Iterator<OrderStatusUpdate> watch = orders.watchOrder(WatchOrderRequest.newBuilder().setOrderId(unknown).build());
        assertThat(refusal(watch::hasNext).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void listOrdersFiltersByStatusNewestFirst() {
        Order older = orders.placeOrder(request("L1", "l1@example.com", "TEST-ESP", 1));
        Order newer = orders.placeOrder(request("L2", "l2@example.com", "TEST-ESP", 1));
        orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(older.getId()).build());

        ListOrdersResponse pending = asStaff.listOrders(ListOrdersRequest.newBuilder()
                .setStatus(OrderStatus.ORDER_STATUS_PENDING).setPageSize(100).build());
        assertThat(pending.getOrdersList()).allMatch(o -> o.getStatus() == OrderStatus.ORDER_STATUS_PENDING);
        assertThat(pending.getOrdersList()).extracting(o -> o.getId()).contains(newer.getId())
                .doesNotContain(older.getId());
        ListOrdersResponse all = asStaff.listOrders(ListOrdersRequest.getDefaultInstance());
        assertThat(all.getPageSize()).isEqualTo(20);
        assertThat(all.getTotal()).isGreaterThanOrEqualTo(2);
        List<String> ids = all.getOrdersList().stream().map(o -> o.getId()).toList();
        assertThat(ids.indexOf(newer.getId())).isLessThan(ids.indexOf(older.getId()));
        assertThat(all.getOrdersList().get(ids.indexOf(older.getId())).getCustomerName()).isEqualTo("L1");
    }

    @Test
    void listOrdersWantsAStaffAccountLikeGetOrdersOverRest() {
        assertThat(refusal(() -> orders.listOrders(ListOrdersRequest.getDefaultInstance())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        OrderServiceGrpc.OrderServiceBlockingStub wrongPassword = orders.withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(authorization(TestAccounts.STAFF, "not-the-password")));
        assertThat(refusal(() -> wrongPassword.listOrders(ListOrdersRequest.getDefaultInstance())).getStatus()
                .getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        OrderServiceGrpc.OrderServiceBlockingStub visitor = orders.withInterceptors(MetadataUtils
                .newAttachHeadersInterceptor(authorization(TestAccounts.VISITOR, TestAccounts.VISITOR_PASSWORD)));
        assertThat(refusal(() -> visitor.listOrders(ListOrdersRequest.getDefaultInstance())).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(asStaff.listOrders(ListOrdersRequest.getDefaultInstance()).getPageSize()).isEqualTo(20);
    }

    private static Metadata authorization(String name, String password) {
        Metadata metadata = new Metadata();
        metadata.put(StaffOnlyCalls.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((name + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return metadata;
    }

    @Test
    void cancelOrderCancelsOnceAndThenRefusesWithFailedPrecondition() {
        Order order = orders.placeOrder(request("C", "c@example.com", "TEST-ESP", 1));
        Order cancelled = withMetadata(Map.of(REQUEST_ID, "grpc-cancel-1"), null).cancelOrder(CancelOrderRequest
                .newBuilder().setOrderId(order.getId()).setReason("Changed my mind").build());
        assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELLED);
        assertThat(cancelled.getStatusReason()).isEqualTo("Changed my mind");
        assertThat(cancelled.getCancellable()).isFalse();
        ConsumerRecord<String, byte[]> event = await().atMost(WAIT).until(() -> event(order.getId(), "OrderCancelled"),
                r -> r != null);
        assertThat(header(event, EventHeaders.CORRELATION_ID)).isEqualTo("grpc-cancel-1");

        StatusRuntimeException again = refusal(() -> orders.cancelOrder(CancelOrderRequest.newBuilder()
                .setOrderId(order.getId()).build()));
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(again.getStatus().getDescription()).contains("CANCELLED");

        StatusRuntimeException longReason = refusal(() -> orders.cancelOrder(CancelOrderRequest.newBuilder()
                .setOrderId(order.getId()).setReason("r".repeat(501)).build()));
        assertThat(fieldViolations(longReason)).containsKey("reason");
    }

    @Test
    void watchOrderStreamsPendingThenConfirmedAndEnds() throws Exception {
        Order order = orders.placeOrder(request("W", "w@example.com", "TEST-ESP", 1));
        Watched watched = watch(order.getId());
        await().atMost(WAIT).until(() -> watched.updates.size() == 1);

        kafka.send(Topics.INVENTORY, order.getId(), inventory(new StockReserved(List.of(new StockLine("TEST-ESP", 1))),
                order.getId()), codec);

        watched.done.get(30, TimeUnit.SECONDS);
        assertThat(watched.updates).extracting(OrderStatusUpdate::getStatus)
                .containsExactly(OrderStatus.ORDER_STATUS_PENDING, OrderStatus.ORDER_STATUS_CONFIRMED);
        assertThat(watched.updates).extracting(OrderStatusUpdate::getFinal).containsExactly(false, true);
        await().atMost(WAIT).until(() -> watches.open() == 0);

        // Watching an order that is already final: its status, and the stream ends at once.
        Iterator<OrderStatusUpdate> again = orders.watchOrder(WatchOrderRequest.newBuilder()
                .setOrderId(order.getId()).build());
        assertThat(again.next().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        assertThat(again.hasNext()).isFalse();
    }

    @Test
    void watchOrderStreamsTheRejectionWithItsReasonAndEnds() throws Exception {
        Order order = orders.placeOrder(request("R", "r@example.com", "TEST-BEANS", 3));
        Watched watched = watch(order.getId());
        await().atMost(WAIT).until(() -> watched.updates.size() == 1);

        kafka.send(Topics.INVENTORY, order.getId(), inventory(new StockRejected("Not enough House Beans 1kg",
                List.of(new Shortage("TEST-BEANS", 3, 1))), order.getId()), codec);

        watched.done.get(30, TimeUnit.SECONDS);
        OrderStatusUpdate last = watched.updates.get(watched.updates.size() - 1);
        assertThat(last.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
        assertThat(last.getReason()).isEqualTo("Not enough House Beans 1kg");
        assertThat(last.getFinal()).isTrue();
    }

    @Test
    void aWatchEndsAtItsDeadlineAndTheServerLetsGoOfIt() {
        Order order = orders.placeOrder(request("D", "d@example.com", "TEST-ESP", 1));
        Iterator<OrderStatusUpdate> watch = orders.withDeadlineAfter(800, TimeUnit.MILLISECONDS)
                .watchOrder(WatchOrderRequest.newBuilder().setOrderId(order.getId()).build());
        assertThat(watch.next().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);
        assertThat(refusal(watch::hasNext).getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        await().atMost(WAIT).until(() -> watches.open() == 0);

        StatusRuntimeException expired = refusal(() -> orders.withDeadlineAfter(1, TimeUnit.NANOSECONDS)
                .placeOrder(request("D", "d@example.com", "TEST-ESP", 1)));
        assertThat(expired.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    }

    @Test
    void healthAndReflectionAnswerForOrdinaryTools() throws Exception {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

        CompletableFuture<List<String>> services = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        services.complete(response.getListServicesResponse().getServiceList().stream()
                                .map(ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        services.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        assertThat(services.get(10, TimeUnit.SECONDS)).contains("eventshop.orders.v1.OrderService",
                "grpc.health.v1.Health");
    }

    private record Watched(List<OrderStatusUpdate> updates, CompletableFuture<Void> done) {
    }

    private Watched watch(String orderId) {
        Watched watched = new Watched(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
        OrderServiceGrpc.newStub(channel).watchOrder(WatchOrderRequest.newBuilder().setOrderId(orderId).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(OrderStatusUpdate update) {
                        watched.updates.add(update);
                    }

                    @Override
                    public void onError(Throwable t) {
                        watched.done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        watched.done.complete(null);
                    }
                });
        return watched;
    }

    private OrderServiceGrpc.OrderServiceBlockingStub withMetadata(Map<Metadata.Key<String>, String> values,
                                                                    AtomicReference<Metadata> responseHeaders) {
        Metadata metadata = new Metadata();
        values.forEach(metadata::put);
        OrderServiceGrpc.OrderServiceBlockingStub stub = orders.withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(metadata));
        if (responseHeaders != null) {
            stub = stub.withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(responseHeaders,
                    new AtomicReference<>()));
        }
        return stub;
    }

    private static PlaceOrderRequest request(String name, String email, String sku, int quantity) {
        return PlaceOrderRequest.newBuilder().setCustomer(Customer.newBuilder().setName(name).setEmail(email))
                .addLines(LineItem.newBuilder().setSku(sku).setQuantity(quantity)).build();
    }

    private static StatusRuntimeException refusal(Runnable call) {
        StatusRuntimeException refused = catchThrowableOfType(call::run, StatusRuntimeException.class);
        assertThat(refused).as("the call was refused").isNotNull();
        return refused;
    }

    private static Map<String, String> fieldViolations(StatusRuntimeException refused) {
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        assertThat(status).isNotNull();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).forEach(d -> {
            try {
                d.unpack(BadRequest.class).getFieldViolationsList()
                        .forEach(v -> fields.merge(v.getField(), v.getDescription(), (a, b) -> a + "; " + b));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        });
        return fields;
    }

    private static EventEnvelope inventory(eventshop.events.DomainEvent data, String orderId) {
        return EventEnvelope.of(data, UUID.fromString(orderId), "grpc-test", "inventory-notification-service");
    }

    private ConsumerRecord<String, byte[]> event(String orderId, String type) {
        return topics.records().stream().filter(r -> r.topic().equals(Topics.ORDERS))
                .filter(r -> orderId.equals(r.key()) && type.equals(header(r, EventHeaders.EVENT_TYPE)))
                .findFirst().orElse(null);
    }
}
