package eventshop.orders.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderLineRepository extends GenericRepository<OrderLineEntity, Long> {

    List<OrderLineEntity> saveAll(Iterable<OrderLineEntity> lines);

    List<OrderLineEntity> findByOrderIdOrderByLineNo(UUID orderId);

    long count();
}
