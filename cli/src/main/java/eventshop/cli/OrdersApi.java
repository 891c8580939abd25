package eventshop.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.api.orders.v1.OrderStatus;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A connection to orders-service's gRPC API, and how its answers are printed. */
final class OrdersApi implements AutoCloseable {

    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> IDEMPOTENCY_KEY = Metadata.Key.of("idempotency-key",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final long DEADLINE_SECONDS = 10;

    private final ManagedChannel channel;
    private final String requestId;

    OrdersApi(String address) {
        this.channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        // The request id becomes the correlation id of every event the command causes: findable in the audit journal.
        this.requestId = "cli-" + UUID.randomUUID();
    }

    String requestId() {
        return requestId;
    }

    /** For one command or read: a deadline, so a dead service is an error within seconds, not a hang. */
    OrderServiceGrpc.OrderServiceBlockingStub call(Metadata extra) {
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, requestId);
        headers.merge(extra);
        return OrderServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    OrderServiceGrpc.OrderServiceBlockingStub call() {
        return call(new Metadata());
    }

    /** For a stream that lasts as long as the order takes; the caller may set its own deadline. */
    OrderServiceGrpc.OrderServiceBlockingStub watch() {
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, requestId);
        return OrderServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    static String status(OrderStatus status) {
        return status.name().replace("ORDER_STATUS_", "");
    }

    static String time(Timestamp at) {
        return TIME.format(Instant.ofEpochSecond(at.getSeconds(), at.getNanos()));
    }

    /**
     * Prints why orders-service said no (each bad field with its reason) or could not be reached, and gives the
     * exit code for it.
     */
    static int explain(StatusRuntimeException e, PrintWriter err) {
        Status.Code code = e.getStatus().getCode();
        switch (code) {
            case UNAVAILABLE -> {
                err.println("orders-service is not reachable: " + e.getStatus().getDescription());
                return EventShop.UNREACHABLE;
            }
            case DEADLINE_EXCEEDED -> {
                err.println("orders-service did not answer in time");
                return EventShop.UNREACHABLE;
            }
            default -> {
            }
        }
        err.println("refused (" + code + "): " + e.getStatus().getDescription());
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details != null) {
            details.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).forEach(d -> {
                try {
                    d.unpack(BadRequest.class).getFieldViolationsList()
                            .forEach(v -> err.println("  " + v.getField() + ": " + v.getDescription()));
                } catch (InvalidProtocolBufferException unreadable) {
                    err.println("  (unreadable details)");
                }
            });
        }
        return code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN ? 1 : EventShop.REFUSED;
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
