package eventshop.orders.api.grpc;

import eventshop.api.orders.v1.Customer;
import eventshop.api.orders.v1.LineItem;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.api.orders.v1.OrderStatus;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import eventshop.events.EventCodec;
import eventshop.orders.TestCatalog;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A service that stops ends its open WatchOrder streams with UNAVAILABLE at once, rather than dropping them. */
class WatchOrderShutdownTest {

    @Test
    void openWatchesEndWithUnavailableWhenTheServiceStops() throws Exception {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.properties("orders_grpc_stop"));
        props.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        ManagedChannel channel = null;
        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            int port = server.getApplicationContext().getBean(GrpcEmbeddedServer.class).getPort();
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            OrderServiceGrpc.OrderServiceBlockingStub orders = OrderServiceGrpc.newBlockingStub(channel);
            TestCatalog.publishAll(kafka, server.getApplicationContext().getBean(EventCodec.class));
            PlaceOrderRequest request = PlaceOrderRequest.newBuilder()
                    .setCustomer(Customer.newBuilder().setName("S").setEmail("s@example.com"))
                    .addLines(LineItem.newBuilder().setSku("TEST-ESP").setQuantity(1)).build();
            Order order = await().atMost(Duration.ofSeconds(30)).ignoreException(StatusRuntimeException.class)
                    .until(() -> orders.placeOrder(request), o -> o != null);

            List<OrderStatusUpdate> updates = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            OrderServiceGrpc.newStub(channel).watchOrder(WatchOrderRequest.newBuilder().setOrderId(order.getId())
                    .build(), new StreamObserver<>() {
                        @Override
                        public void onNext(OrderStatusUpdate update) {
                            updates.add(update);
                        }

                        @Override
                        public void onError(Throwable t) {
                            ended.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            ended.complete(null);
                        }
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 1);
            assertThat(updates.get(0).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);

            server.getApplicationContext().close();

            Throwable end = null;
            try {
                ended.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                end = e.getCause();
            }
            assertThat(end).as("the stream ended with an error status, not OK and not silence")
                    .isInstanceOf(StatusRuntimeException.class);
            assertThat(((StatusRuntimeException) end).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(((StatusRuntimeException) end).getStatus().getDescription()).contains("shutting down");
        } finally {
            if (server.getApplicationContext().isRunning()) {
                server.getApplicationContext().close();
            }
            if (channel != null) {
                channel.shutdownNow();
            }
        }
    }
}
