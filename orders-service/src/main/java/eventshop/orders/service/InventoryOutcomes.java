package eventshop.orders.service;

import eventshop.events.EventEnvelope;
import eventshop.events.StockRejected;
import eventshop.events.StockReserved;
import eventshop.events.Timestamps;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.domain.PendingTimeOut;
import eventshop.orders.domain.Transition;
import eventshop.orders.messaging.OrderOutbox;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderRepository;
import eventshop.platform.messaging.EventHandler;
import eventshop.platform.messaging.UnprocessableEventException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies inventory's answers to orders: StockReserved confirms an order, StockRejected rejects it with the reason. A
 * consumer's poll is applied set-based ({@link #newPoll}): its orders locked in one statement, each answer decided in
 * memory in poll order, the changed orders and their history written in one batch per table at the end.
 */
@Singleton
public class InventoryOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryOutcomes.class);

    private final OrderRepository orders;
    private final OrderTransitions transitions;
    private final OrderOutbox outbox;

    public InventoryOutcomes(OrderRepository orders, OrderTransitions transitions, OrderOutbox outbox) {
        this.orders = orders;
        this.transitions = transitions;
        this.outbox = outbox;
    }

    /** The handler of one poll; other inventory events (stock movements) are not about an outcome. */
    public EventHandler newPoll() {
        return new Poll();
    }

    /** One poll's state, inside the consumer's transaction; {@link #prepare} starts it afresh on a re-application. */
    private final class Poll implements EventHandler {

        private final Map<UUID, OrderEntity> locked = new HashMap<>();
        private final Map<UUID, OrderEntity> moved = new LinkedHashMap<>();

        @Override
        public void prepare(List<EventEnvelope> events) {
            locked.clear();
            moved.clear();
            List<UUID> ids = events.stream().filter(InventoryOutcomes::isOutcome).map(EventEnvelope::orderId)
                    .filter(Objects::nonNull).distinct().toList();
            if (!ids.isEmpty()) {
                orders.lockByIds(ids).forEach(order -> locked.put(order.id(), order));
            }
        }

        @Override
        public void apply(EventEnvelope envelope) {
            if (envelope.data() instanceof StockReserved) {
                decide(envelope, OrderStatus.CONFIRMED, null);
            } else if (envelope.data() instanceof StockRejected rejected) {
                decide(envelope, OrderStatus.REJECTED, rejected.reason());
            }
        }

        @Override
        public void finish() {
            transitions.movedAll(List.copyOf(moved.values()));
            if (!moved.isEmpty()) {
                LOG.info("{} orders decided by inventory's answers", moved.size());
            }
        }

        private void decide(EventEnvelope envelope, OrderStatus outcome, String reason) {
            if (envelope.orderId() == null) {
                throw new UnprocessableEventException(envelope.type() + " " + envelope.eventId() + " names no order");
            }
            OrderEntity order = locked.get(envelope.orderId());
            if (order == null) {
                throw new UnprocessableEventException(envelope.type() + " for unknown order " + envelope.orderId());
            }
            boolean timedOut = PendingTimeOut.isTimeOut(order.status(), order.statusReason());
            switch (Transition.forInventoryOutcome(order.status(), outcome, timedOut)) {
                case APPLY -> {
                    OrderEntity after = order.withStatus(outcome, reason, Timestamps.now());
                    locked.put(after.id(), after);
                    moved.put(after.id(), after);
                    if (outcome == OrderStatus.CONFIRMED) {
                        outbox.confirmed(after);
                    } else {
                        outbox.rejected(after, reason);
                    }
                    LOG.debug("Order {} {} by {}", after.id(), outcome, envelope.type());
                }
                case ALREADY_DONE -> LOG.info("Order {} is already {}; {} changes nothing", order.id(), outcome,
                        envelope.type());
                case SUPERSEDED_BY_CANCELLATION -> LOG.info("Order {} was cancelled before {} arrived; the "
                        + "cancellation stands and inventory releases the stock", order.id(), envelope.type());
                case SUPERSEDED_BY_TIME_OUT -> LOG.info("Order {} was rejected as timed out before {} arrived; the "
                        + "rejection stands and inventory releases the stock", order.id(), envelope.type());
                case IMPOSSIBLE -> throw new UnprocessableEventException(envelope.type() + " cannot apply to order "
                        + order.id() + " which is " + order.status());
            }
        }
    }

    private static boolean isOutcome(EventEnvelope envelope) {
        return envelope.data() instanceof StockReserved || envelope.data() instanceof StockRejected;
    }
}
