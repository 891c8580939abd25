package eventshop.inventory.service;

import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.OrderDecisionRepository;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.persistence.ProductStockWriter;
import eventshop.inventory.persistence.ReservationRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * Reserves orders' stock all or nothing, and releases it on cancellation, inside the consumer's transaction (which
 * also records the events as processed). A consumer applies a whole poll of order events in one transaction, through
 * a {@link ReservationPoll} of its own: the product rows the poll will touch are locked first, all together in SKU
 * order, so concurrent polls for the same products queue up instead of overselling or deadlocking; the conditional
 * stock UPDATE and the CHECK constraint on stock stand behind that.
 */
@Singleton
public class ReservationService {

    private final ReservationPoll.Stores stores;
    private final StockChanges stockChanges;
    private final InventoryOutbox outbox;
    private final Notifier notifier;
    private final ApplicationEventPublisher<StockOutcome> outcomes;

    ReservationService(ProductRepository products, ProductStockWriter stockWriter, OrderDecisionRepository decisions,
                       ReservationRepository reservations, StockChanges stockChanges, InventoryOutbox outbox,
                       Notifier notifier, ApplicationEventPublisher<StockOutcome> outcomes) {
        this.stores = new ReservationPoll.Stores(products, stockWriter, decisions, reservations);
        this.stockChanges = stockChanges;
        this.outbox = outbox;
        this.notifier = notifier;
        this.outcomes = outcomes;
    }

    /** A handler for one poll of order events; it holds that poll's state, so it serves one poll only. */
    public ReservationPoll newPoll() {
        return new ReservationPoll(stores, stockChanges, outbox, notifier, outcomes);
    }
}
