package eventshop.orders.service;

import eventshop.orders.domain.OrderNotFoundException;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderLineRepository;
import eventshop.orders.persistence.OrderRepository;
import eventshop.orders.persistence.StatusChangeRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.UUID;

@Singleton
public class OrderQueries {

    /** Newest first; the id breaks ties so pages never overlap. */
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final OrderRepository orders;
    private final OrderLineRepository lines;
    private final StatusChangeRepository history;

    public OrderQueries(OrderRepository orders, OrderLineRepository lines, StatusChangeRepository history) {
        this.orders = orders;
        this.lines = lines;
        this.history = history;
    }

    @ReadOnly
    public OrderDetails get(UUID id) {
        return details(orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id)));
    }

    /** The lines and history of an order already read. */
    @ReadOnly
    public OrderDetails details(OrderEntity order) {
        return new OrderDetails(order, lines.findByOrderIdOrderByLineNo(order.id()),
                history.findByOrderIdOrderById(order.id()));
    }

    @ReadOnly
    public Page<OrderEntity> list(@Nullable OrderStatus status, int page, int size) {
        Pageable pageable = Pageable.from(page, size, NEWEST_FIRST);
        return status == null ? orders.findAll(pageable) : orders.findByStatus(status, pageable);
    }
}
