package eventshop.orders.service;

import eventshop.events.EventEnvelope;
import eventshop.events.StockRejected;
import eventshop.events.StockReserved;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.domain.PendingTimeOut;
import eventshop.orders.domain.Transition;
import eventshop.orders.messaging.OrderOutbox;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderRepository;
import eventshop.platform.messaging.UnprocessableEventException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Applies inventory's answer to an order: StockReserved confirms it, StockRejected rejects it with the reason. */
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

    /** Runs inside the consumer's transaction; other inventory events (stock movements) are not about an outcome. */
    @Transactional(propagation = MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (envelope.data() instanceof StockReserved) {
            decide(envelope, OrderStatus.CONFIRMED, null);
        } else if (envelope.data() instanceof StockRejected rejected) {
            decide(envelope, OrderStatus.REJECTED, rejected.reason());
        }
    }

    private void decide(EventEnvelope envelope, OrderStatus outcome, String reason) {
        if (envelope.orderId() == null) {
            throw new UnprocessableEventException(envelope.type() + " " + envelope.eventId() + " names no order");
        }
        OrderEntity order = orders.findByIdForUpdate(envelope.orderId()).orElseThrow(() ->
                new UnprocessableEventException(envelope.type() + " for unknown order " + envelope.orderId()));
        boolean timedOut = PendingTimeOut.isTimeOut(order.status(), order.statusReason());
        switch (Transition.forInventoryOutcome(order.status(), outcome, timedOut)) {
            case APPLY -> {
                OrderEntity moved = transitions.move(order, outcome, reason);
                if (outcome == OrderStatus.CONFIRMED) {
                    outbox.confirmed(moved);
                } else {
                    outbox.rejected(moved, reason);
                }
            }
            case ALREADY_DONE -> LOG.info("Order {} is already {}; {} changes nothing", order.id(), outcome,
                    envelope.type());
            case SUPERSEDED_BY_CANCELLATION -> LOG.info("Order {} was cancelled before {} arrived; the cancellation "
                    + "stands and inventory releases the stock", order.id(), envelope.type());
            case SUPERSEDED_BY_TIME_OUT -> LOG.info("Order {} was rejected as timed out before {} arrived; the "
                    + "rejection stands and inventory releases the stock", order.id(), envelope.type());
            case IMPOSSIBLE -> throw new UnprocessableEventException(envelope.type() + " cannot apply to order "
                    + order.id() + " which is " + order.status());
        }
    }
}
