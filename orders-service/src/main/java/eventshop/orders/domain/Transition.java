package eventshop.orders.domain;

/**
 * What to do when an inventory outcome arrives for an order: the rules of the lifecycle in one place, free of any
 * framework so they can be read (and tested) on their own.
 */
public enum Transition {
    /** The order moves to the new status. */
    APPLY,
    /** The order already has that status (the same outcome again under another event id): nothing to do. */
    ALREADY_DONE,
    /**
     * The customer cancelled while inventory was still deciding. The cancellation wins; inventory releases whatever
     * it reserved when it reads the OrderCancelled that follows OrderPlaced on the same key.
     */
    SUPERSEDED_BY_CANCELLATION,
    /**
     * Inventory answered after the order had been rejected for waiting too long. The rejection stands; inventory
     * releases what it reserved when it reads the OrderRejected that follows OrderPlaced on the same key.
     */
    SUPERSEDED_BY_TIME_OUT,
    /** Contradicts what already happened (e.g. a rejection for a confirmed order): the event is dead-lettered. */
    IMPOSSIBLE;

    /** The decision for an inventory outcome ({@code CONFIRMED} or {@code REJECTED}) reaching an order in {@code current}. */
    public static Transition forInventoryOutcome(OrderStatus current, OrderStatus outcome) {
        return forInventoryOutcome(current, outcome, false);
    }

    /**
     * @param timedOut the order was rejected by the saga time-out ({@link PendingTimeOut}), not by inventory: any
     *                 answer inventory gives afterwards is late, not contradictory
     */
    public static Transition forInventoryOutcome(OrderStatus current, OrderStatus outcome, boolean timedOut) {
        if (outcome != OrderStatus.CONFIRMED && outcome != OrderStatus.REJECTED) {
            throw new IllegalArgumentException("not an inventory outcome: " + outcome);
        }
        if (current == OrderStatus.PENDING) {
            return APPLY;
        }
        if (timedOut) {
            return SUPERSEDED_BY_TIME_OUT;
        }
        if (current == outcome) {
            return ALREADY_DONE;
        }
        return current == OrderStatus.CANCELLED ? SUPERSEDED_BY_CANCELLATION : IMPOSSIBLE;
    }
}
