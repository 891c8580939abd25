package eventshop.orders.service;

import eventshop.events.Timestamps;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.persistence.NewOrderInsert;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderRepository;
import eventshop.orders.persistence.StatusChangeEntity;
import eventshop.orders.persistence.StatusChangeRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Records a status change: the order row, a line of history, and a notice for after commit (metrics). */
@Singleton
public class OrderTransitions {

    private static final String PLACED = "Order placed";

    private final OrderRepository orders;
    private final NewOrderInsert newOrders;
    private final StatusChangeRepository history;
    private final ApplicationEventPublisher<OrderStatusChanged> changes;

    public OrderTransitions(OrderRepository orders, NewOrderInsert newOrders, StatusChangeRepository history,
                            ApplicationEventPublisher<OrderStatusChanged> changes) {
        this.orders = orders;
        this.newOrders = newOrders;
        this.history = history;
        this.changes = changes;
    }

    /** A new order as stored: its row and its first line of history. */
    public record Created(OrderEntity order, StatusChangeEntity history) {
    }

    /**
     * Stores a new order with its first line of history (one statement).
     *
     * @return empty when an order already holds the order's Idempotency-Key: nothing was written
     */
    @Transactional(propagation = MANDATORY)
    public Optional<Created> created(OrderEntity order) {
        OptionalLong historyId = newOrders.insertUnlessKeyTaken(order, PLACED);
        if (historyId.isEmpty()) {
            return Optional.empty();
        }
        StatusChangeEntity first = new StatusChangeEntity(historyId.getAsLong(), order.id(), order.status(), PLACED,
                order.updatedAt());
        changes.publishEvent(notice(order, PLACED));
        return Optional.of(new Created(order, first));
    }

    @Transactional(propagation = MANDATORY)
    public OrderEntity move(OrderEntity order, OrderStatus status, @Nullable String reason) {
        OrderEntity updated = orders.update(order.withStatus(status, reason, Timestamps.now()));
        record(updated, reason);
        return updated;
    }

    /**
     * Stores orders whose status {@link OrderEntity#withStatus} already changed, with their lines of history: one
     * statement per table however many there are (a consumer's poll of inventory answers).
     */
    @Transactional(propagation = MANDATORY)
    public void movedAll(List<OrderEntity> moved) {
        if (moved.isEmpty()) {
            return;
        }
        orders.updateAll(moved);
        history.saveAll(moved.stream().map(order -> historyRow(order, order.statusReason())).toList());
        moved.forEach(order -> changes.publishEvent(notice(order, order.statusReason())));
    }

    private void record(OrderEntity order, @Nullable String reason) {
        history.save(historyRow(order, reason));
        changes.publishEvent(notice(order, reason));
    }

    private static StatusChangeEntity historyRow(OrderEntity order, @Nullable String reason) {
        return new StatusChangeEntity(null, order.id(), order.status(), reason, order.updatedAt());
    }

    /** The reason is the caller's: a new order's first line of history says "Order placed", its row no reason. */
    private static OrderStatusChanged notice(OrderEntity order, @Nullable String reason) {
        return new OrderStatusChanged(order.id(), order.status(), reason, order.updatedAt());
    }
}
