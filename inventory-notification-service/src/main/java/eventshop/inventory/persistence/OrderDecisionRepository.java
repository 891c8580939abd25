package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderDecisionRepository extends GenericRepository<OrderDecision, UUID> {

    OrderDecision save(OrderDecision decision);

    OrderDecision update(OrderDecision decision);

    /** One JDBC batch. */
    List<OrderDecision> saveAll(Iterable<OrderDecision> decisions);

    /** One JDBC batch. */
    List<OrderDecision> updateAll(Iterable<OrderDecision> decisions);

    /**
     * Locks the decisions of the given orders (those that exist) so that two polls about the same order cannot
     * interleave; in order id order, so two polls locking overlapping sets wait for each other instead of deadlocking.
     */
    @Query(value = "SELECT * FROM order_decision WHERE order_id IN (:orderIds) ORDER BY order_id FOR UPDATE",
            nativeQuery = true)
    List<OrderDecision> lockByIds(Collection<UUID> orderIds);
}
