package eventshop.orders.persistence;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderRepository extends GenericRepository<OrderEntity, UUID> {

    OrderEntity update(OrderEntity order);

    Optional<OrderEntity> findById(UUID id);

    /** Locks the row until commit, so a cancellation and an inventory outcome cannot overwrite each other. */
    Optional<OrderEntity> findByIdForUpdate(UUID id);

    /** {@link #findByIdForUpdate} for many orders in one statement, locked in id order. */
    @Query(value = "SELECT * FROM customer_order WHERE id IN (:ids) ORDER BY id FOR UPDATE", nativeQuery = true)
    List<OrderEntity> lockByIds(Collection<UUID> ids);

    /** One JDBC batch. */
    List<OrderEntity> updateAll(Iterable<OrderEntity> orders);

    /**
     * The oldest orders still PENDING that were placed before the given time, locked until commit. Rows another
     * transaction holds (another instance's time-out job, an inventory answer being applied) are skipped, not waited
     * for: whoever holds them decides.
     */
    @Query(value = "SELECT * FROM customer_order WHERE status = 'PENDING' AND created_at < :placedBefore "
            + "ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<OrderEntity> lockPendingCreatedBefore(Instant placedBefore, int limit);

    Optional<OrderEntity> findByIdempotencyKey(String idempotencyKey);

    Page<OrderEntity> findAll(Pageable pageable);

    Page<OrderEntity> findByStatus(OrderStatus status, Pageable pageable);

    long count();
}
