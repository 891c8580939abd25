package eventshop.orders.persistence;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderRepository extends GenericRepository<OrderEntity, UUID> {

    OrderEntity save(OrderEntity order);

    OrderEntity update(OrderEntity order);

    Optional<OrderEntity> findById(UUID id);

    /** Locks the row until commit, so a cancellation and an inventory outcome cannot overwrite each other. */
    Optional<OrderEntity> findByIdForUpdate(UUID id);

    Optional<OrderEntity> findByIdempotencyKey(String idempotencyKey);

    /**
     * Serialises requests carrying the same Idempotency-Key until the first one commits, so two concurrent retries
     * cannot both create an order (two-int advisory keys live apart from the outbox relay's bigint key).
     */
    @Query(value = "SELECT true FROM (SELECT pg_advisory_xact_lock(1, hashtext(:key))) AS locked", nativeQuery = true)
    boolean lockIdempotencyKey(String key);

    Page<OrderEntity> findAll(Pageable pageable);

    Page<OrderEntity> findByStatus(OrderStatus status, Pageable pageable);

    long count();
}
