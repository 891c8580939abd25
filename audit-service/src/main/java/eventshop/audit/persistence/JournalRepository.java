package eventshop.audit.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads the journal. Deliberately not a CrudRepository: there is nothing to update or delete (the database forbids
 * it), and appending goes through {@link JournalWriter}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JournalRepository extends GenericRepository<JournalRecord, Long>,
        JpaSpecificationExecutor<JournalRecord> {

    List<JournalRecord> findByOrderId(UUID orderId, Sort sort);

    @Query(value = "SELECT COALESCE(MAX(id), 0) FROM journal_entry", nativeQuery = true)
    long maxId();

    @Query(value = """
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE NOT valid) AS invalid,
                   count(*) FILTER (WHERE replayed) AS replayed,
                   count(*) FILTER (WHERE record_timestamp > now() - interval '1 minute') AS last_minute,
                   min(record_timestamp) AS first_at,
                   max(record_timestamp) AS last_at
            FROM journal_entry""", nativeQuery = true)
    Totals totals();

    @Query(value = """
            SELECT event_type AS name, count(*) AS count FROM journal_entry
            WHERE event_type IS NOT NULL GROUP BY event_type ORDER BY event_type""", nativeQuery = true)
    List<NamedCount> countByType();

    @Query(value = "SELECT topic AS name, count(*) AS count FROM journal_entry GROUP BY topic ORDER BY topic",
            nativeQuery = true)
    List<NamedCount> countByTopic();

    @Introspected
    record Totals(long total, long invalid, long replayed, long lastMinute, @Nullable Instant firstAt,
                  @Nullable Instant lastAt) {
    }

    @Introspected
    record NamedCount(String name, long count) {
    }
}
