package eventshop.platform.messaging;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The idempotent consumer's memory: the ids of the events each consumer has applied, recorded in the transaction that
 * applies them. One statement per poll records the whole batch and answers which ids are new.
 */
@Singleton
public class ProcessedEvents {

    private static final String RECORD_NEW = "INSERT INTO processed_event (consumer, event_id) "
            + "SELECT ?, id FROM unnest(?::uuid[]) AS id ORDER BY id ON CONFLICT DO NOTHING RETURNING event_id";

    private final TransactionOperations<Connection> transactions;

    public ProcessedEvents(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Records the ids for {@code consumer} in the current transaction. Sorted, so that two transactions recording
     * overlapping ids (a poll redelivered to a second consumer after a rebalance) wait for each other in the same order
     * instead of deadlocking; the one that commits second finds them taken.
     *
     * @return the ids that were not recorded before: only their events are to be applied
     */
    public Set<UUID> recordNew(String consumer, Collection<UUID> eventIds) {
        Set<UUID> recorded = new HashSet<>();
        if (eventIds.isEmpty()) {
            return recorded;
        }
        Connection connection = transactions.getConnection();
        try (PreparedStatement insert = connection.prepareStatement(RECORD_NEW)) {
            Array ids = connection.createArrayOf("uuid", eventIds.toArray());
            insert.setString(1, consumer);
            insert.setArray(2, ids);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getObject(1, UUID.class));
                }
            }
            return recorded;
        } catch (SQLException e) {
            throw new ProcessingFailedException("cannot record processed events of " + consumer, e);
        }
    }
}
