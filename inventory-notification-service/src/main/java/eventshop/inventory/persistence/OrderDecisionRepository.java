package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderDecisionRepository extends GenericRepository<OrderDecision, UUID> {

    OrderDecision save(OrderDecision decision);

    OrderDecision update(OrderDecision decision);

    /** Locks the decision so that two events about the same order cannot interleave. */
    @Query(value = "SELECT * FROM order_decision WHERE order_id = :orderId FOR UPDATE", nativeQuery = true)
    Optional<OrderDecision> lockById(UUID orderId);
}
