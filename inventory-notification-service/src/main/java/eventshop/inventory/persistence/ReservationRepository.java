package eventshop.inventory.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReservationRepository extends GenericRepository<Reservation, Long> {

    Reservation save(Reservation reservation);

    /** One JDBC batch. */
    List<Reservation> saveAll(Iterable<Reservation> reservations);

    /** One JDBC batch. */
    List<Reservation> updateAll(Iterable<Reservation> reservations);

    List<Reservation> findByOrderIdOrderBySku(UUID orderId);

    List<Reservation> findByOrderIdAndStatusOrderBySku(UUID orderId, Reservation.Status status);

    List<Reservation> findByOrderIdInAndStatus(Collection<UUID> orderIds, Reservation.Status status);

    List<Reservation> listOrderByCreatedAtDesc(Pageable pageable);
}
