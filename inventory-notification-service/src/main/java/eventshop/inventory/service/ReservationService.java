package eventshop.inventory.service;

import eventshop.events.Customer;
import eventshop.events.EventEnvelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.StockLine;
import eventshop.events.Timestamps;
import eventshop.inventory.domain.Allocation;
import eventshop.inventory.domain.NotificationTexts;
import eventshop.inventory.domain.StockRequest;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.OrderDecision;
import eventshop.inventory.persistence.OrderDecision.Outcome;
import eventshop.inventory.persistence.OrderDecisionRepository;
import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.persistence.Reservation;
import eventshop.inventory.persistence.ReservationRepository;
import eventshop.platform.messaging.UnprocessableEventException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Reserves an order's stock all or nothing, and releases it on cancellation, inside the consumer's transaction (which
 * also records the event as processed). A consumer applies a whole poll of orders in one transaction: the product rows
 * the poll will touch are locked first, all together in SKU order ({@link #lockProductsOf}), so concurrent polls for
 * the same products queue up instead of overselling or deadlocking; the conditional UPDATE and the CHECK constraint on
 * stock stand behind that.
 */
@Singleton
public class ReservationService {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationService.class);

    private final ProductRepository products;
    private final OrderDecisionRepository decisions;
    private final ReservationRepository reservations;
    private final StockChanges stockChanges;
    private final InventoryOutbox outbox;
    private final Notifier notifier;
    private final ApplicationEventPublisher<StockOutcome> outcomes;

    ReservationService(ProductRepository products, OrderDecisionRepository decisions,
                       ReservationRepository reservations, StockChanges stockChanges, InventoryOutbox outbox,
                       Notifier notifier, ApplicationEventPublisher<StockOutcome> outcomes) {
        this.products = products;
        this.decisions = decisions;
        this.reservations = reservations;
        this.stockChanges = stockChanges;
        this.outbox = outbox;
        this.notifier = notifier;
        this.outcomes = outcomes;
    }

    /**
     * Locks, in one statement and in SKU order, every product the given events may change: the lines of placed orders
     * and what cancelled orders hold. Later locks of the same rows in this transaction are no-ops, so no transaction
     * ever waits for a row while holding one that sorts after it.
     */
    @Transactional(propagation = MANDATORY)
    public void lockProductsOf(List<EventEnvelope> events) {
        Set<String> skus = new TreeSet<>();
        List<UUID> cancelledOrders = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (event.data() instanceof OrderPlaced placed && placed.lines() != null) {
                placed.lines().forEach(line -> skus.add(line.sku()));
            } else if (event.data() instanceof OrderCancelled && event.orderId() != null) {
                cancelledOrders.add(event.orderId());
            }
        }
        if (!cancelledOrders.isEmpty()) {
            reservations.findByOrderIdInAndStatus(cancelledOrders, Reservation.Status.RESERVED)
                    .forEach(reservation -> skus.add(reservation.sku()));
        }
        if (!skus.isEmpty()) {
            products.lockBySkus(skus);
        }
    }

    /** Reserves every line of the order, or none and rejects it (all or nothing); an order decided before is left. */
    @Transactional(propagation = MANDATORY)
    public void reserveOrReject(EventEnvelope event, OrderPlaced order) {
        UUID orderId = requireOrderId(event);
        if (decisions.lockById(orderId).isPresent()) {
            LOG.info("Order {} was already decided (or cancelled first); OrderPlaced changes nothing", orderId);
            return;
        }
        StockRequest request = requestOf(order);
        Map<String, Product> locked = lock(request.quantities().keySet());
        Allocation allocation = request.allocate(locked.values().stream()
                .collect(Collectors.toMap(Product::sku, Product::stock)));
        if (allocation.possible()) {
            reserveAll(orderId, order.customer(), request, locked, event.correlationId());
        } else {
            reject(orderId, order.customer(), allocation, event.correlationId());
        }
    }

    @Transactional(propagation = MANDATORY)
    public void release(EventEnvelope event, OrderCancelled cancelled) {
        UUID orderId = requireOrderId(event);
        Instant now = Timestamps.now();
        OrderDecision decision = decisions.lockById(orderId).orElse(null);
        if (decision == null) {
            Customer customer = cancelled.customer();
            decisions.save(new OrderDecision(orderId, Outcome.CANCELLED, customer.name(), customer.email(),
                    cancelled.reason(), now, now));
            LOG.info("Order {} cancelled before any reservation; nothing to release", orderId);
            return;
        }
        List<Reservation> held = reservations.findByOrderIdAndStatusOrderBySku(orderId, Reservation.Status.RESERVED);
        if (decision.outcome() != Outcome.RESERVED || held.isEmpty()) {
            LOG.info("Order {} holds no reservation ({}); cancellation changes nothing", orderId, decision.outcome());
            return;
        }
        List<StockLine> lines = releaseHeld(decision, held, event.correlationId());
        notifier.toCustomer(decision.customerEmail(), orderId,
                NotificationTexts.released(decision.customerName(), orderId, lines), event.correlationId());
        LOG.info("Order {} cancelled: released {}", orderId, lines);
    }

    /**
     * The orders service rejected the order on its own: it timed out waiting for this service's answer (an answer
     * inventory gave itself, StockRejected, leaves nothing to do here). Whatever was reserved for it is released;
     * if nothing was decided yet, the order is marked rejected so that its OrderPlaced, should it still come, reserves
     * nothing.
     */
    @Transactional(propagation = MANDATORY)
    public void withdraw(EventEnvelope event, OrderRejected rejected) {
        UUID orderId = requireOrderId(event);
        OrderDecision decision = decisions.lockById(orderId).orElse(null);
        if (decision == null) {
            Instant now = Timestamps.now();
            Customer customer = rejected.customer();
            decisions.save(new OrderDecision(orderId, Outcome.REJECTED, customer.name(), customer.email(),
                    rejected.reason(), now, now));
            LOG.info("Order {} rejected by the orders service before any reservation: {}", orderId, rejected.reason());
            return;
        }
        List<Reservation> held = reservations.findByOrderIdAndStatusOrderBySku(orderId, Reservation.Status.RESERVED);
        if (decision.outcome() != Outcome.RESERVED || held.isEmpty()) {
            return; // the usual case: OrderRejected follows this service's own StockRejected
        }
        List<StockLine> lines = releaseHeld(decision, held, event.correlationId());
        notifier.toCustomer(decision.customerEmail(), orderId,
                NotificationTexts.withdrawn(decision.customerName(), orderId, rejected.reason(), lines),
                event.correlationId());
        LOG.info("Order {} rejected by the orders service ({}): released {}", orderId, rejected.reason(), lines);
    }

    /** Gives back a reserved order's stock: reservations, stock levels, decision, StockReleased and snapshots. */
    private List<StockLine> releaseHeld(OrderDecision decision, List<Reservation> held, String correlationId) {
        UUID orderId = decision.orderId();
        Instant now = Timestamps.now();
        Map<String, Product> locked = lock(held.stream().map(Reservation::sku).toList());
        reservations.releaseAll(orderId, now);
        List<StockLine> lines = held.stream().map(r -> new StockLine(r.sku(), r.quantity())).toList();
        lines.forEach(line -> products.add(line.sku(), line.quantity()));
        decisions.update(decision.withOutcome(Outcome.RELEASED, now));
        outbox.stockReleased(orderId, lines, correlationId);
        lines.forEach(line -> stockChanges.changed(locked.get(line.sku()), line.quantity(), correlationId));
        outcomes.publishEvent(StockOutcome.RELEASED);
        return lines;
    }

    private void reserveAll(UUID orderId, Customer customer, StockRequest request, Map<String, Product> locked,
                            String correlationId) {
        Instant now = Timestamps.now();
        decisions.save(new OrderDecision(orderId, Outcome.RESERVED, customer.name(), customer.email(), null, now, now));
        List<StockLine> lines = request.lines();
        for (StockLine line : lines) {
            if (products.take(line.sku(), line.quantity()) != 1) {
                // Cannot happen while the row is locked; if it does, roll everything back rather than oversell.
                throw new IllegalStateException("stock of " + line.sku() + " changed under its lock");
            }
            reservations.save(Reservation.of(orderId, line.sku(), line.quantity(), now));
        }
        outbox.stockReserved(orderId, lines, correlationId);
        lines.forEach(line -> stockChanges.changed(locked.get(line.sku()), -line.quantity(), correlationId));
        notifier.toCustomer(customer.email(), orderId, NotificationTexts.confirmed(customer.name(), orderId, lines),
                correlationId);
        outcomes.publishEvent(StockOutcome.RESERVED);
        LOG.info("Order {} reserved: {}", orderId, lines);
    }

    private void reject(UUID orderId, Customer customer, Allocation allocation, String correlationId) {
        Instant now = Timestamps.now();
        String reason = allocation.rejectionReason();
        decisions.save(new OrderDecision(orderId, Outcome.REJECTED, customer.name(), customer.email(), reason, now,
                now));
        outbox.stockRejected(orderId, reason, allocation.allShortages(), correlationId);
        notifier.toCustomer(customer.email(), orderId, NotificationTexts.rejected(customer.name(), orderId, reason),
                correlationId);
        outcomes.publishEvent(StockOutcome.REJECTED);
        LOG.info("Order {} rejected: {}", orderId, reason);
    }

    private Map<String, Product> lock(Collection<String> skus) {
        return products.lockBySkus(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    private static StockRequest requestOf(OrderPlaced order) {
        try {
            return StockRequest.of(order.lines());
        } catch (ArithmeticException e) {
            throw new UnprocessableEventException("order quantities overflow: " + order.lines());
        }
    }

    private static UUID requireOrderId(EventEnvelope event) {
        if (event.orderId() == null) {
            throw new UnprocessableEventException(event.type() + " " + event.eventId() + " names no order id");
        }
        return event.orderId();
    }
}
