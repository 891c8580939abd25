package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReservationRepository extends GenericRepository<Reservation, Long> {

    Reservation save(Reservation reservation);

    List<Reservation> findByOrderIdOrderBySku(UUID orderId);

    List<Reservation> findByOrderIdAndStatusOrderBySku(UUID orderId, Reservation.Status status);

    List<Reservation> findByOrderIdInAndStatus(Collection<UUID> orderIds, Reservation.Status status);

    List<Reservation> listOrderByCreatedAtDesc(Pageable pageable);

    @Query(value = "UPDATE reservation SET status = 'RELEASED', released_at = :at "
            + "WHERE order_id = :orderId AND status = 'RESERVED'", nativeQuery = true)
    int releaseAll(UUID orderId, Instant at);
}
