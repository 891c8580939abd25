package eventshop.orders.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StatusChangeRepository extends GenericRepository<StatusChangeEntity, Long> {

    StatusChangeEntity save(StatusChangeEntity change);

    /** One JDBC batch. */
    List<StatusChangeEntity> saveAll(Iterable<StatusChangeEntity> changes);

    List<StatusChangeEntity> findByOrderIdOrderById(UUID orderId);

    long count();
}
