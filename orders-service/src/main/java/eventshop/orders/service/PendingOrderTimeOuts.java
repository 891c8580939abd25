package eventshop.orders.service;

import eventshop.events.Timestamps;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.domain.PendingTimeOut;
import eventshop.orders.messaging.OrderOutbox;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderRepository;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/**
 * The saga time-out: an order inventory has not answered within {@code eventshop.orders.saga.pending-timeout} is
 * rejected, and its OrderRejected goes through the outbox like any other. Inventory reads that OrderRejected after
 * the OrderPlaced on the same key and releases whatever it reserved, so an answer that comes late costs no stock.
 * Every instance runs this job; {@code FOR UPDATE SKIP LOCKED} hands each overdue order to exactly one of them, and an
 * inventory answer being applied at the same moment holds the row lock, so the two never both decide.
 */
@Singleton
public class PendingOrderTimeOuts {

    private static final Logger LOG = LoggerFactory.getLogger(PendingOrderTimeOuts.class);

    private final OrderRepository orders;
    private final OrderTransitions transitions;
    private final OrderOutbox outbox;
    private final SagaConfiguration settings;
    private final TransactionOperations<Connection> transactions;

    public PendingOrderTimeOuts(OrderRepository orders, OrderTransitions transitions, OrderOutbox outbox,
                                SagaConfiguration settings, TransactionOperations<Connection> transactions) {
        this.orders = orders;
        this.transitions = transitions;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = "${eventshop.orders.saga.check-interval:10s}",
            initialDelay = "${eventshop.orders.saga.check-interval:10s}")
    void rejectOverdueOrders() {
        try {
            int rejected;
            do {
                rejected = rejectOverdueBatch();
            } while (rejected == settings.getBatchSize());
        } catch (RuntimeException e) {
            // the database may be away; the next run tries again, and nothing was half done (one transaction)
            LOG.warn("Could not check for timed-out orders: {}", e.toString());
        }
    }

    /** @return how many orders were rejected in this batch */
    public int rejectOverdueBatch() {
        String reason = PendingTimeOut.reason(settings.getPendingTimeout());
        return transactions.executeWrite(status -> {
            List<OrderEntity> rejected = orders.lockPendingCreatedBefore(
                    Timestamps.now().minus(settings.getPendingTimeout()), settings.getBatchSize()).stream()
                    .map(order -> order.withStatus(OrderStatus.REJECTED, reason, Timestamps.now())).toList();
            transitions.movedAll(rejected);
            for (OrderEntity order : rejected) {
                // each OrderRejected carries the correlation id of the request that placed its order
                CorrelationId.runWith(order.correlationId(), () -> outbox.rejected(order, reason));
                LOG.info("Order {} rejected: {}", order.id(), reason);
            }
            return rejected.size();
        });
    }
}
