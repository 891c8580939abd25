package eventshop.orders.api.grpc;

import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderRepository;
import eventshop.orders.service.OrderQueries;
import eventshop.orders.service.OrderStatusChanged;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open WatchOrder streams. Each gets the order's current status, then every change this instance commits
 * ({@link OrderStatusChanged}, after commit), and ends after a final status. A change committed by another instance
 * of the service is caught by a short periodic re-read of the watched orders. On shutdown every stream ends with
 * {@code UNAVAILABLE}, so a client knows to watch again rather than waiting on a dead connection.
 */
@Singleton
public class OrderWatches {

    private static final Logger LOG = LoggerFactory.getLogger(OrderWatches.class);

    private final Map<UUID, Set<Watch>> byOrder = new ConcurrentHashMap<>();
    private final OrderQueries queries;
    private final OrderRepository orders;
    private volatile boolean stopping;

    public OrderWatches(OrderQueries queries, OrderRepository orders) {
        this.queries = queries;
        this.orders = orders;
    }

    /** CONFIRMED ends a watch too: the order is done unless someone cancels it, which is a new command. */
    static boolean isFinal(OrderStatus status) {
        return status != OrderStatus.PENDING;
    }

    /** Registers first, then reads: a change committed in between is sent, never lost. */
    void watch(UUID orderId, ServerCallStreamObserver<OrderStatusUpdate> stream) {
        if (stopping) {
            throw Status.UNAVAILABLE.withDescription("orders-service is shutting down").asRuntimeException();
        }
        Watch watch = new Watch(orderId, stream);
        stream.setOnCancelHandler(() -> forget(watch)); // the client left or its deadline passed
        byOrder.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(watch);
        try {
            OrderEntity order = queries.get(orderId).order();
            watch.offer(order.status(), order.statusReason(), order.updatedAt());
        } catch (RuntimeException notFound) {
            forget(watch);
            throw notFound;
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChange(OrderStatusChanged change) {
        watchesOf(change.orderId()).forEach(w -> w.offer(change.status(), change.reason(), change.at()));
    }

    @Scheduled(fixedDelay = "${eventshop.orders.watch-catch-up-interval:2s}")
    void catchUp() {
        for (UUID orderId : List.copyOf(byOrder.keySet())) {
            orders.findById(orderId).ifPresent(o -> watchesOf(orderId)
                    .forEach(w -> w.offer(o.status(), o.statusReason(), o.updatedAt())));
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        byOrder.values().forEach(watches -> watches.forEach(w -> w.end(Status.UNAVAILABLE
                .withDescription("orders-service is shutting down; watch the order again"))));
    }

    int open() {
        return byOrder.values().stream().mapToInt(Set::size).sum();
    }

    private List<Watch> watchesOf(UUID orderId) {
        Set<Watch> watches = byOrder.get(orderId);
        return watches == null ? List.of() : List.copyOf(watches);
    }

    private void forget(Watch watch) {
        byOrder.computeIfPresent(watch.orderId, (id, watches) -> {
            watches.remove(watch);
            return watches.isEmpty() ? null : watches;
        });
    }

    /** One stream; synchronized because the listener, the catch-up and shutdown may send at the same time. */
    private final class Watch {

        private final UUID orderId;
        private final ServerCallStreamObserver<OrderStatusUpdate> stream;
        private OrderStatus sent;
        private boolean ended;

        Watch(UUID orderId, ServerCallStreamObserver<OrderStatusUpdate> stream) {
            this.orderId = orderId;
            this.stream = stream;
        }

        synchronized void offer(OrderStatus status, @Nullable String reason, Instant at) {
            if (ended || status == sent) {
                return;
            }
            if (stream.isCancelled()) {
                ended = true;
                forget(this);
                return;
            }
            sent = status;
            stream.onNext(ProtoOrders.update(orderId, status, reason, at));
            if (isFinal(status)) {
                ended = true;
                forget(this);
                stream.onCompleted();
            }
        }

        synchronized void end(Status status) {
            if (ended) {
                return;
            }
            ended = true;
            forget(this);
            try {
                stream.onError(status.asRuntimeException());
            } catch (RuntimeException alreadyClosed) {
                LOG.debug("watch of {} was already closed", orderId, alreadyClosed);
            }
        }
    }
}
