package eventshop.platform.messaging;

import eventshop.events.EventEnvelope;

import java.util.List;

/**
 * What a consumer does with the events of one poll, called by {@link IncomingEvents} inside the poll's one database
 * transaction. {@link #apply} throws {@link UnprocessableEventException} for an event that can never be applied (it is
 * dead-lettered, its neighbours are not); any other exception fails the whole poll, which is rolled back and retried.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope event);

    /**
     * Called once before the first {@link #apply} with every event about to be applied, in the same transaction: the
     * place to lock the rows the whole poll will change in one stable order, so that two consumers applying
     * overlapping polls wait for each other instead of deadlocking.
     */
    default void prepare(List<EventEnvelope> events) {
    }

    /**
     * Called once after the last {@link #apply} of the poll, in the same transaction: the place to write, a statement
     * per table, what {@link #apply} decided event by event (a poll of hundreds of events then costs a handful of
     * round trips instead of several per event). It writes only what {@code apply} already checked, so whatever fails
     * here fails the whole poll, which is rolled back and retried.
     */
    default void finish() {
    }

    /** A record with a key and no value (a tombstone on a compacted topic); only a replica knows what it means. */
    default void tombstone(String key) {
        throw new UnprocessableEventException("record with key " + key + " has no value");
    }
}
