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
import eventshop.inventory.domain.NotificationTexts.Message;
import eventshop.inventory.domain.RunningStock;
import eventshop.inventory.domain.StockRequest;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.OrderDecision;
import eventshop.inventory.persistence.OrderDecision.Outcome;
import eventshop.inventory.persistence.OrderDecisionRepository;
import eventshop.inventory.persistence.Product;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.persistence.ProductStockWriter;
import eventshop.inventory.persistence.ProductStockWriter.StockWrite;
import eventshop.inventory.persistence.Reservation;
import eventshop.inventory.persistence.ReservationRepository;
import eventshop.platform.messaging.EventHandler;
import eventshop.platform.messaging.UnprocessableEventException;
import io.micronaut.context.event.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One poll of order events, applied set-based so that its cost in round trips does not grow with its size:
 * {@link #prepare} locks and reads what the whole poll may touch, a statement each; {@link #apply} decides each event
 * in memory, in poll order, against the stock the poll's earlier decisions left, and queues the writes;
 * {@link #finish} writes them, a statement or a JDBC batch per table, each changed product once with its final stock.
 * Events emitted per order (StockReserved, StockRejected, StockReleased) are appended as each is decided; a changed
 * product's snapshot, low-stock alert and the poll's notifications when it finishes.
 */
public final class ReservationPoll implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationPoll.class);

    /** Where a poll reads and writes. */
    record Stores(ProductRepository products, ProductStockWriter stockWriter, OrderDecisionRepository decisions,
                  ReservationRepository reservations) {
    }

    private final Stores stores;
    private final StockChanges stockChanges;
    private final InventoryOutbox outbox;
    private final Notifier notifier;
    private final ApplicationEventPublisher<StockOutcome> outcomes;

    // The poll's state. prepare() starts it afresh: after a poison record rolled the transaction back, the same poll is
    // prepared and applied again without it.
    private Map<String, Product> locked;
    private RunningStock stock;
    private Set<UUID> storedDecisions;
    private Map<UUID, OrderDecision> decisions;
    private Map<UUID, OrderDecision> decisionsToInsert;
    private Map<UUID, OrderDecision> decisionsToUpdate;
    /** The reservations each order holds now (stored before the poll, or made by it). */
    private Map<UUID, List<Reservation>> held;
    private Map<UUID, List<Reservation>> reservationsToInsert;
    private List<Reservation> reservationsToRelease;
    /** The correlation id of the last event that changed each product, for its snapshot. */
    private Map<String, String> lastChangedBy;
    private List<Notifier.Outgoing> notifications;
    private PollSummary summary;

    ReservationPoll(Stores stores, StockChanges stockChanges, InventoryOutbox outbox, Notifier notifier,
                    ApplicationEventPublisher<StockOutcome> outcomes) {
        this.stores = stores;
        this.stockChanges = stockChanges;
        this.outbox = outbox;
        this.notifier = notifier;
        this.outcomes = outcomes;
        reset();
    }

    /**
     * Reads, a statement each, the reservations that the poll's cancellations and rejections may release, then locks
     * every product the poll may change, in SKU order (no transaction ever waits for a product while holding one that
     * sorts after it), then the decisions of the poll's orders, in order id order.
     */
    @Override
    public void prepare(List<EventEnvelope> events) {
        reset();
        Set<String> skus = new TreeSet<>();
        Set<UUID> orderIds = new TreeSet<>();
        Set<UUID> releasing = new HashSet<>();
        for (EventEnvelope event : events) {
            if (event.orderId() == null) {
                continue; // apply() refuses it
            }
            if (event.data() instanceof OrderPlaced placed) {
                orderIds.add(event.orderId());
                if (placed.lines() != null) {
                    placed.lines().forEach(line -> skus.add(line.sku()));
                }
            } else if (event.data() instanceof OrderCancelled || event.data() instanceof OrderRejected) {
                orderIds.add(event.orderId());
                releasing.add(event.orderId());
            }
        }
        if (!releasing.isEmpty()) {
            stores.reservations().findByOrderIdInAndStatus(releasing, Reservation.Status.RESERVED).stream()
                    .sorted(Comparator.comparing(Reservation::sku))
                    .forEach(r -> {
                        held.computeIfAbsent(r.orderId(), id -> new ArrayList<>()).add(r);
                        skus.add(r.sku());
                    });
        }
        if (!skus.isEmpty()) {
            locked = stores.products().lockBySkus(skus).stream()
                    .collect(Collectors.toMap(Product::sku, Function.identity()));
        }
        stock = new RunningStock(locked.values().stream().collect(Collectors.toMap(Product::sku, Product::stock)));
        if (!orderIds.isEmpty()) {
            stores.decisions().lockByIds(orderIds).forEach(d -> {
                storedDecisions.add(d.orderId());
                decisions.put(d.orderId(), d);
            });
        }
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.data() instanceof OrderPlaced placed) {
            reserveOrReject(event, placed);
        } else if (event.data() instanceof OrderCancelled cancelled) {
            release(event, cancelled);
        } else if (event.data() instanceof OrderRejected rejected) { // the orders service's saga time-out
            withdraw(event, rejected);
        }
    }

    /** Writes what the poll decided: decisions, reservations, each changed product once, notifications. */
    @Override
    public void finish() {
        if (!decisionsToInsert.isEmpty()) {
            stores.decisions().saveAll(decisionsToInsert.values());
        }
        if (!decisionsToUpdate.isEmpty()) {
            stores.decisions().updateAll(decisionsToUpdate.values());
        }
        if (!reservationsToInsert.isEmpty()) {
            stores.reservations().saveAll(reservationsToInsert.values().stream().flatMap(List::stream).toList());
        }
        if (!reservationsToRelease.isEmpty()) {
            stores.reservations().updateAll(reservationsToRelease);
        }
        writeStockAndAnnounce();
        notifier.sendAll(notifications);
        summary.log(LOG);
    }

    /** Reserves every line of the order, or none and rejects it (all or nothing); an order decided before is left. */
    private void reserveOrReject(EventEnvelope event, OrderPlaced order) {
        UUID orderId = requireOrderId(event);
        if (decisions.containsKey(orderId)) {
            LOG.debug("Order {} was already decided (or cancelled first); OrderPlaced changes nothing", orderId);
            summary.unchanged++;
            return;
        }
        StockRequest request = requestOf(order);
        Allocation allocation = stock.allocate(request);
        if (allocation.possible()) {
            reserveAll(orderId, order.customer(), request, event.correlationId());
        } else {
            reject(orderId, order.customer(), allocation, event.correlationId());
        }
    }

    private void reserveAll(UUID orderId, Customer customer, StockRequest request, String correlationId) {
        Instant now = Timestamps.now();
        List<StockLine> lines = request.lines();
        stock.take(lines);
        decide(new OrderDecision(orderId, Outcome.RESERVED, customer.name(), customer.email(), null, now, now));
        List<Reservation> reservations = lines.stream()
                .map(line -> Reservation.of(orderId, line.sku(), line.quantity(), now)).toList();
        held.put(orderId, reservations);
        reservationsToInsert.put(orderId, reservations);
        outbox.stockReserved(orderId, lines, correlationId);
        changedBy(lines, correlationId);
        notify(customer.email(), orderId, NotificationTexts.confirmed(customer.name(), orderId, lines), correlationId);
        outcomes.publishEvent(StockOutcome.RESERVED);
        summary.reserved++;
        LOG.debug("Order {} reserved: {}", orderId, lines);
    }

    private void reject(UUID orderId, Customer customer, Allocation allocation, String correlationId) {
        Instant now = Timestamps.now();
        String reason = allocation.rejectionReason();
        decide(new OrderDecision(orderId, Outcome.REJECTED, customer.name(), customer.email(), reason, now, now));
        outbox.stockRejected(orderId, reason, allocation.allShortages(), correlationId);
        notify(customer.email(), orderId, NotificationTexts.rejected(customer.name(), orderId, reason),
                correlationId);
        outcomes.publishEvent(StockOutcome.REJECTED);
        summary.rejected++;
        LOG.debug("Order {} rejected: {}", orderId, reason);
    }

    private void release(EventEnvelope event, OrderCancelled cancelled) {
        giveBack(event, Outcome.CANCELLED, cancelled.customer(), cancelled.reason(), NotificationTexts::released);
    }

    /**
     * The orders service rejected the order on its own: it timed out waiting for this service's answer (an answer
     * inventory gave itself, StockRejected, leaves nothing to do here).
     */
    private void withdraw(EventEnvelope event, OrderRejected rejected) {
        giveBack(event, Outcome.REJECTED, rejected.customer(), rejected.reason(),
                (customerName, orderId, lines) -> NotificationTexts.withdrawn(customerName, orderId, rejected.reason(),
                        lines));
    }

    /**
     * Releases what the order holds and tells the customer; an order not decided yet is closed with
     * {@code outcomeIfUndecided}, so that its OrderPlaced, should it still come, reserves nothing.
     */
    private void giveBack(EventEnvelope event, Outcome outcomeIfUndecided, Customer customer, String reason,
                          ReleaseMessage message) {
        UUID orderId = requireOrderId(event);
        OrderDecision decision = decisions.get(orderId);
        if (decision == null) {
            decideBeforeAnyReservation(orderId, outcomeIfUndecided, customer, reason);
            LOG.debug("Order {} closed by {} before any reservation ({}); nothing to release", orderId, event.type(),
                    reason);
            return;
        }
        List<Reservation> reservations = held.getOrDefault(orderId, List.of());
        if (decision.outcome() != Outcome.RESERVED || reservations.isEmpty()) {
            // the usual case for OrderRejected: it follows this service's own StockRejected
            LOG.debug("Order {} holds no reservation ({}); {} changes nothing", orderId, decision.outcome(),
                    event.type());
            summary.unchanged++;
            return;
        }
        List<StockLine> lines = releaseHeld(decision, reservations, event.correlationId());
        notify(decision.customerEmail(), orderId, message.of(decision.customerName(), orderId, lines),
                event.correlationId());
        LOG.debug("Order {} closed by {} ({}): released {}", orderId, event.type(), reason, lines);
    }

    /** The customer's message when an order's stock goes back. */
    @FunctionalInterface
    private interface ReleaseMessage {
        Message of(String customerName, UUID orderId, List<StockLine> lines);
    }

    private void decideBeforeAnyReservation(UUID orderId, Outcome outcome, Customer customer, String reason) {
        Instant now = Timestamps.now();
        decide(new OrderDecision(orderId, outcome, customer.name(), customer.email(), reason, now, now));
        summary.closedBeforeDecision++;
    }

    /** Gives back a reserved order's stock: reservations, stock, decision, StockReleased. */
    private List<StockLine> releaseHeld(OrderDecision decision, List<Reservation> reservations,
                                        String correlationId) {
        UUID orderId = decision.orderId();
        Instant now = Timestamps.now();
        List<Reservation> released = reservations.stream().map(r -> r.released(now)).toList();
        held.remove(orderId);
        if (reservationsToInsert.containsKey(orderId)) {
            reservationsToInsert.put(orderId, released); // reserved by this very poll: stored released at once
        } else {
            reservationsToRelease.addAll(released);
        }
        List<StockLine> lines = reservations.stream().map(r -> new StockLine(r.sku(), r.quantity())).toList();
        stock.giveBack(lines);
        decide(decision.withOutcome(Outcome.RELEASED, now));
        outbox.stockReleased(orderId, lines, correlationId);
        changedBy(lines, correlationId);
        outcomes.publishEvent(StockOutcome.RELEASED);
        summary.released++;
        return lines;
    }

    private void decide(OrderDecision decision) {
        refuseUnless(decision.fitsItsColumns(), decision.orderId(), "its decision");
        decisions.put(decision.orderId(), decision);
        if (storedDecisions.contains(decision.orderId())) {
            decisionsToUpdate.put(decision.orderId(), decision);
        } else {
            decisionsToInsert.put(decision.orderId(), decision);
        }
    }

    private void changedBy(List<StockLine> lines, String correlationId) {
        lines.forEach(line -> lastChangedBy.put(line.sku(), correlationId));
    }

    private void notify(String email, UUID orderId, Message message, String correlationId) {
        Notifier.Outgoing outgoing = notifier.forCustomer(email, orderId, message, correlationId);
        refuseUnless(outgoing.notification().fitsItsColumns(), orderId, "its notification");
        notifications.add(outgoing);
    }

    /**
     * Refuses an event whose rows the database could not store (a text longer than its column). The rows are written
     * only when the poll finishes, where a failure fails the whole poll; checked here, the event alone is refused and
     * dead-lettered, as the database's own refusal did when each event wrote its rows.
     */
    private static void refuseUnless(boolean storable, UUID orderId, String what) {
        if (!storable) {
            throw new UnprocessableEventException("order " + orderId + ": " + what + " does not fit its columns");
        }
    }

    /**
     * Writes each changed product once, with its final stock, then appends one snapshot per product with the version
     * that write gave it; a low-stock alert when the poll took the stock from at-or-above the mark to below it.
     */
    private void writeStockAndAnnounce() {
        Map<String, Integer> changed = stock.changed();
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Long> versions = stores.stockWriter().write(changed.entrySet().stream()
                .map(e -> new StockWrite(e.getKey(), stock.before(e.getKey()), e.getValue())).toList());
        Instant now = Instant.now();
        changed.forEach((sku, after) -> {
            Product before = locked.get(sku);
            stockChanges.announce(before, before.withStock(after, now, versions.get(sku)), lastChangedBy.get(sku))
                    .ifPresent(notifications::add);
        });
        summary.productsWritten = changed.size();
    }

    private void reset() {
        locked = new HashMap<>();
        stock = new RunningStock(Map.of());
        storedDecisions = new HashSet<>();
        decisions = new HashMap<>();
        decisionsToInsert = new LinkedHashMap<>();
        decisionsToUpdate = new LinkedHashMap<>();
        held = new HashMap<>();
        reservationsToInsert = new LinkedHashMap<>();
        reservationsToRelease = new ArrayList<>();
        lastChangedBy = new HashMap<>();
        notifications = new ArrayList<>();
        summary = new PollSummary();
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

    /** What one poll did, for its one log line (per-order lines are DEBUG: at hundreds per second they cost CPU). */
    private static final class PollSummary {
        int reserved;
        int rejected;
        int released;
        int closedBeforeDecision;
        int unchanged;
        int productsWritten;

        void log(Logger log) {
            if (reserved + rejected + released + closedBeforeDecision + unchanged == 0) {
                return;
            }
            // Written before the commit: if the commit fails, IncomingEvents logs that the poll is retried.
            log.info("Poll of order events: {} reserved, {} rejected, {} released, {} cancelled or rejected before "
                            + "any reservation, {} changing nothing; stock of {} products written", reserved, rejected,
                    released, closedBeforeDecision, unchanged, productsWritten);
        }
    }
}
