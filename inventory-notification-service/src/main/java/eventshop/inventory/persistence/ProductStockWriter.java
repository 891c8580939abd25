package eventshop.inventory.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Writes the stock of several locked products in one statement, each with its final value. Plain JDBC on the
 * transaction's connection: Micronaut Data has no set-based conditional update that returns the rows it changed.
 */
@Singleton
public class ProductStockWriter {

    /** What a product's stock was when it was locked, and what it is to become. */
    public record StockWrite(String sku, int expected, int stock) {
    }

    // A row is written only if it still holds what was read under its lock: a row changed under the lock is missing
    // from the result, and the caller fails the poll rather than overwrite the change. The CHECK stock >= 0 stays.
    private static final String UPDATE = "UPDATE product p SET stock = w.stock, updated_at = now() "
            + "FROM unnest(?::varchar[], ?::int[], ?::int[]) AS w(sku, expected, stock) "
            + "WHERE p.sku = w.sku AND p.stock = w.expected RETURNING p.sku, p.version";

    private final TransactionOperations<Connection> transactions;

    public ProductStockWriter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @return the version of each product written (raised by the database, trigger {@code product_version})
     * @throws IllegalStateException when a product's stock was no longer what was read under its lock
     */
    @Transactional(propagation = MANDATORY)
    public Map<String, Long> write(List<StockWrite> writes) {
        Map<String, Long> versions = new HashMap<>();
        if (writes.isEmpty()) {
            return versions;
        }
        Connection connection = transactions.getConnection();
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("varchar", writes.stream().map(StockWrite::sku).toArray()));
            update.setArray(2, connection.createArrayOf("int4", writes.stream().map(StockWrite::expected).toArray()));
            update.setArray(3, connection.createArrayOf("int4", writes.stream().map(StockWrite::stock).toArray()));
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot write the stock of " + writes.size() + " products", e);
        }
        for (StockWrite write : writes) {
            if (!versions.containsKey(write.sku())) {
                // Cannot happen while the row is locked; if it does, roll everything back rather than oversell.
                throw new IllegalStateException("stock of " + write.sku() + " changed under its lock");
            }
        }
        return versions;
    }
}
