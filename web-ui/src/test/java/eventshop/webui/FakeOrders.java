package eventshop.webui;

import eventshop.api.orders.v1.CancelOrderRequest;
import eventshop.api.orders.v1.GetOrderRequest;
import eventshop.api.orders.v1.ListOrdersRequest;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Test scaffolding for the UI layer: a real gRPC server on a free port standing in for orders-service's
 * OrderService, answering canned orders (or a refusal) and recording each call with its metadata. It can be stopped
 * and started again on the same port to show the UI a service that is down. The whole-system checks with the real
 * services are in e2e-tests.
 */
public final class FakeOrders implements AutoCloseable {

    public record Recorded(String method, Message request, Metadata headers) {
        public String header(String name) {
            return headers.get(Metadata.Key.of(name.toLowerCase(), Metadata.ASCII_STRING_MARSHALLER));
        }
    }

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final List<Recorded> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<Order>> answers = new ConcurrentHashMap<>();
    private volatile ListOrdersResponse list = ListOrdersResponse.getDefaultInstance();
    private final int port;
    private Server server;

    public FakeOrders() {
        start(0);
        port = server.getPort();
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public FakeOrders order(Order order) {
        orders.put(order.getId(), order);
        return this;
    }

    public FakeOrders list(ListOrdersResponse response) {
        list = response;
        return this;
    }

    /** What PlaceOrder or CancelOrder answers: an order, or a refusal thrown from the supplier. */
    public FakeOrders answer(String method, Supplier<Order> answer) {
        answers.put(method, answer);
        return this;
    }

    public static Supplier<Order> refuse(Status status) {
        return () -> {
            throw status.asRuntimeException();
        };
    }

    public List<Recorded> calls() {
        return List.copyOf(calls);
    }

    public List<Recorded> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public void stop() {
        try {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void start(int onPort) {
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                        next.startCall(call, headers)) {
                    @Override
                    public void onMessage(Q message) {
                        calls.add(new Recorded(call.getMethodDescriptor().getBareMethodName(), (Message) message,
                                headers));
                        super.onMessage(message);
                    }
                };
            }
        };
        try {
            server = ServerBuilder.forPort(onPort).addService(ServerInterceptors.intercept(new Service(), recorder))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Service extends OrderServiceGrpc.OrderServiceImplBase {

        @Override
        public void placeOrder(PlaceOrderRequest request, StreamObserver<Order> response) {
            respond(response, answers.getOrDefault("PlaceOrder", refuse(Status.UNIMPLEMENTED)));
        }

        @Override
        public void getOrder(GetOrderRequest request, StreamObserver<Order> response) {
            respond(response, () -> {
                Order order = orders.get(request.getOrderId());
                if (order == null) {
                    throw Status.NOT_FOUND.withDescription("No order with id " + request.getOrderId())
                            .asRuntimeException();
                }
                return order;
            });
        }

        @Override
        public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
            response.onNext(list);
            response.onCompleted();
        }

        @Override
        public void cancelOrder(CancelOrderRequest request, StreamObserver<Order> response) {
            respond(response, answers.getOrDefault("CancelOrder", refuse(Status.UNIMPLEMENTED)));
        }

        @Override
        public void watchOrder(WatchOrderRequest request, StreamObserver<OrderStatusUpdate> response) {
            Order order = orders.get(request.getOrderId());
            if (order == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(OrderStatusUpdate.newBuilder().setOrderId(order.getId()).setStatus(order.getStatus())
                    .setReason(order.getStatusReason()).setAt(order.getUpdatedAt()).setFinal(true).build());
            response.onCompleted();
        }

        private static void respond(StreamObserver<Order> response, Supplier<Order> answer) {
            try {
                response.onNext(answer.get());
                response.onCompleted();
            } catch (StatusRuntimeException refused) {
                response.onError(refused);
            }
        }
    }
}
