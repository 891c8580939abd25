package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RestockRecordRepository extends GenericRepository<RestockRecord, String> {

    /**
     * Claims the key for this restock. A concurrent request with the same key waits here until the first one's
     * transaction ends, then finds the key taken.
     *
     * @return 1 when the key was new; 0 when an earlier restock holds it
     */
    @Query(value = "INSERT INTO restock_request (idempotency_key, sku, quantity) VALUES (:key, :sku, :quantity) "
            + "ON CONFLICT (idempotency_key) DO NOTHING", nativeQuery = true)
    int claim(String key, String sku, int quantity);

    Optional<RestockRecord> findById(String idempotencyKey);
}
