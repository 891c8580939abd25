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
    /** Contradicts what already happened (e.g. a rejection for a confirmed order): the event is dead-lettered. */
    IMPOSSIBLE;

    /** The decision for an inventory outcome ({@code CONFIRMED} or {@code REJECTED}) reaching an order in {@code current}. */
    public static Transition forInventoryOutcome(OrderStatus current, OrderStatus outcome) {
        if (outcome != OrderStatus.CONFIRMED && outcome != OrderStatus.REJECTED) {
            throw new IllegalArgumentException("not an inventory outcome: " + outcome);
        }
        if (current == OrderStatus.PENDING) {
            return APPLY;
        }
        if (current == outcome) {
            return ALREADY_DONE;
        }
        return current == OrderStatus.CANCELLED ? SUPERSEDED_BY_CANCELLATION : IMPOSSIBLE;
    }
}
