package eventshop.orders.api.grpc;

import eventshop.events.EventHeaders;
import eventshop.platform.correlation.CorrelationId;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What REST's correlation filter does, for gRPC calls: the caller's {@code x-request-id} (or a new one) goes into the
 * log MDC of everything the call does, hence into the correlation id of every event it causes, and back in the
 * response headers; the {@code idempotency-key} is kept for PlaceOrder; one access-log line per call.
 */
@Singleton
public class RequestMetadata implements ServerInterceptor {

    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of(EventHeaders.HTTP_REQUEST_ID.toLowerCase(),
            Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> IDEMPOTENCY_KEY = Metadata.Key.of("idempotency-key",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> IDEMPOTENCY = Context.key("idempotency-key");
    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("eventshop.access");

    /** The idempotency key of the call in progress, if it sent one. */
    @Nullable
    static String idempotencyKey() {
        return IDEMPOTENCY.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String requestId = CorrelationId.sanitize(headers.get(REQUEST_ID)).orElseGet(CorrelationId::newId);
        long startedAt = System.nanoTime();
        ServerCall<Q, R> answering = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(REQUEST_ID, requestId);
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                trailers.put(REQUEST_ID, requestId);
                CorrelationId.runWith(requestId, () -> ACCESS_LOG.info("gRPC {} -> {} in {} ms",
                        call.getMethodDescriptor().getFullMethodName(), status.getCode(),
                        (System.nanoTime() - startedAt) / 1_000_000));
                super.close(status, trailers);
            }
        };
        Context context = Context.current().withValue(IDEMPOTENCY, headers.get(IDEMPOTENCY_KEY));
        ServerCall.Listener<Q> listener = Contexts.interceptCall(context, answering, headers, next);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                CorrelationId.runWith(requestId, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                CorrelationId.runWith(requestId, super::onHalfClose);
            }

            @Override
            public void onCancel() {
                CorrelationId.runWith(requestId, super::onCancel);
            }

            @Override
            public void onComplete() {
                CorrelationId.runWith(requestId, super::onComplete);
            }

            @Override
            public void onReady() {
                CorrelationId.runWith(requestId, super::onReady);
            }
        };
    }
}
