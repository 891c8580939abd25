package eventshop.platform.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxMessage, Long> {

    OutboxMessage save(OutboxMessage message);

    /**
     * Only one relay publishes at a time (a transaction-scoped advisory lock), so events leave in commit order per
     * key even with several instances of a service running; the others simply find the lock taken.
     */
    @Query(value = "SELECT pg_try_advisory_xact_lock(7342001)", nativeQuery = true)
    boolean tryRelayLock();

    @Query(value = "SELECT * FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE",
            nativeQuery = true)
    List<OutboxMessage> lockUnpublished(int limit);

    @Query(value = "UPDATE outbox SET published_at = :publishedAt WHERE id IN (:ids)", nativeQuery = true)
    void markPublished(Collection<Long> ids, Instant publishedAt);

    @Query(value = "SELECT count(*) FROM outbox WHERE published_at IS NULL", nativeQuery = true)
    long countUnpublished();

    /** The first unpublished row by id (through the partial index) stands for the oldest: ids follow time. */
    @Query(value = "SELECT created_at FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 1", nativeQuery = true)
    Instant oldestUnpublishedCreatedAt();
}
