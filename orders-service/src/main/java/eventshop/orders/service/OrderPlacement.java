package eventshop.orders.service;

import eventshop.events.Timestamps;
import eventshop.orders.domain.IdempotencyKeyReusedException;
import eventshop.orders.domain.InvalidOrderException;
import eventshop.orders.domain.OrderPricing;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.domain.PricedLine;
import eventshop.orders.domain.PricedOrder;
import eventshop.orders.domain.RequestedLine;
import eventshop.orders.messaging.OrderOutbox;
import eventshop.orders.persistence.NewOrderInsert;
import eventshop.orders.persistence.OrderEntity;
import eventshop.orders.persistence.OrderLineEntity;
import eventshop.orders.persistence.OrderLineRepository;
import eventshop.orders.persistence.OrderRepository;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Places an order: prices it from the catalog replica, stores it as PENDING and writes OrderPlaced to the outbox, all
 * in one transaction, so the event exists exactly when the order does.
 */
@Singleton
public class OrderPlacement {

    /**
     * The order, whether it was created by an earlier request with the same Idempotency-Key, and the order as stored
     * (what the request's answer shows; built from what was written, so the answer costs no second read).
     */
    public record Placed(UUID orderId, boolean replayed, OrderDetails details) {
    }

    private final CatalogReplica catalog;
    private final OrderRepository orders;
    private final OrderLineRepository lines;
    private final OrderTransitions transitions;
    private final OrderOutbox outbox;
    private final OrderQueries queries;

    public OrderPlacement(CatalogReplica catalog, OrderRepository orders, OrderLineRepository lines,
                          OrderTransitions transitions, OrderOutbox outbox, OrderQueries queries) {
        this.catalog = catalog;
        this.orders = orders;
        this.lines = lines;
        this.transitions = transitions;
        this.outbox = outbox;
        this.queries = queries;
    }

    /**
     * Prices the order first and then inserts it, so that a new order - the common case - costs no look-up of its
     * Idempotency-Key: the insert itself finds out whether the key is taken (see {@link NewOrderInsert}).
     */
    @Transactional
    public Placed place(NewOrder request, @Nullable String idempotencyKey) {
        String fingerprint = request.fingerprint();
        PricedOrder priced;
        try {
            priced = price(request.lines());
        } catch (InvalidOrderException refused) {
            // A retry of an order whose product has left the catalog since is still answered with that order.
            if (idempotencyKey == null) {
                throw refused;
            }
            return earlierPlacement(idempotencyKey, fingerprint).orElseThrow(() -> refused);
        }
        Instant now = Timestamps.now();
        Optional<OrderTransitions.Created> created = transitions.created(new OrderEntity(UUID.randomUUID(),
                request.customerName(), request.customerEmail(), OrderStatus.PENDING, null, priced.total(),
                priced.currency(), CorrelationId.current().orElse(null), idempotencyKey, fingerprint, now, now));
        if (created.isEmpty()) {
            return earlierPlacement(idempotencyKey, fingerprint).orElseThrow(() -> new IllegalStateException(
                    "Idempotency-Key '" + idempotencyKey + "' is taken, but by no order"));
        }
        OrderEntity order = created.get().order();
        List<OrderLineEntity> saved = lines.saveAll(toEntities(order.id(), priced.lines()));
        outbox.placed(order, saved);
        return new Placed(order.id(), false, new OrderDetails(order, saved, List.of(created.get().history())));
    }

    /** The order an earlier request with this key placed (committed: the insert waited for it), if any. */
    private Optional<Placed> earlierPlacement(String idempotencyKey, String fingerprint) {
        return orders.findByIdempotencyKey(idempotencyKey).map(existing -> {
            if (!fingerprint.equals(existing.requestFingerprint())) {
                throw new IdempotencyKeyReusedException(idempotencyKey, existing.id());
            }
            return new Placed(existing.id(), true, queries.details(existing));
        });
    }

    /** @throws InvalidOrderException naming each line the catalog cannot price */
    private PricedOrder price(List<RequestedLine> requested) {
        return OrderPricing.price(requested, catalog.entries(requested.stream().map(RequestedLine::sku).toList()));
    }

    private static List<OrderLineEntity> toEntities(UUID orderId, List<PricedLine> priced) {
        List<OrderLineEntity> entities = new ArrayList<>(priced.size());
        for (int i = 0; i < priced.size(); i++) {
            PricedLine line = priced.get(i);
            entities.add(new OrderLineEntity(null, orderId, i + 1, line.sku(), line.productName(), line.unitPrice(),
                    line.quantity()));
        }
        return entities;
    }
}
