package eventshop.orders.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Writes a new order and its first line of history in one round trip. The Idempotency-Key's unique index decides
 * whether the order is new: an insert whose key another transaction is inserting waits until that one commits (then
 * nothing is written here) or rolls back (then this insert goes ahead), so two concurrent retries cannot both create
 * an order. Orders without a key never conflict (NULLs are distinct). Plain JDBC because Micronaut Data maps neither
 * a data-modifying CTE nor what an {@code ON CONFLICT DO NOTHING} left out.
 */
@Singleton
public class NewOrderInsert {

    /** The history row is inserted from what the order insert returned, so it exists exactly when the order does. */
    private static final String INSERT_ORDER_AND_FIRST_STATUS = """
            WITH placed AS (
                INSERT INTO customer_order (id, customer_name, customer_email, status, status_reason, total, currency,
                    correlation_id, idempotency_key, request_fingerprint, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, status, updated_at)
            INSERT INTO order_status_change (order_id, status, reason, at)
            SELECT id, status, ?, updated_at FROM placed
            RETURNING id""";

    private final TransactionOperations<Connection> transactions;

    public NewOrderInsert(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @return the id of the order's first line of history, or empty when an order already holds the order's
     * Idempotency-Key (nothing was written)
     */
    @Transactional(propagation = MANDATORY)
    public OptionalLong insertUnlessKeyTaken(OrderEntity order, String firstStatusReason) {
        try (PreparedStatement insert = transactions.getConnection().prepareStatement(INSERT_ORDER_AND_FIRST_STATUS)) {
            insert.setObject(1, order.id());
            insert.setString(2, order.customerName());
            insert.setString(3, order.customerEmail());
            insert.setString(4, order.status().name());
            insert.setString(5, order.statusReason());
            insert.setBigDecimal(6, order.total());
            insert.setString(7, order.currency());
            insert.setString(8, order.correlationId());
            insert.setString(9, order.idempotencyKey());
            insert.setString(10, order.requestFingerprint());
            insert.setObject(11, utc(order.createdAt()));
            insert.setObject(12, utc(order.updatedAt()));
            insert.setString(13, firstStatusReason);
            try (ResultSet history = insert.executeQuery()) {
                return history.next() ? OptionalLong.of(history.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot insert order " + order.id(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
