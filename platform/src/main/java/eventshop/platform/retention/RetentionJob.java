package eventshop.platform.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps the outbox and processed-event tables small: at hundreds of orders a second they grow by millions of rows a
 * day. Deletes in chunks (each its own short transaction) through the partial index on published rows and the index on
 * processed time, so it never scans the tables or blocks the consumers for long.
 */
@Singleton
@Requires(property = "eventshop.retention.enabled", notEquals = "false")
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private static final String DELETE_PUBLISHED = "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
            + "WHERE published_at IS NOT NULL AND published_at < ? LIMIT ?)";
    private static final String DELETE_PROCESSED = "DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM "
            + "processed_event WHERE processed_at < ? LIMIT ?)";

    /** What one run deleted. */
    public record Deleted(long outboxRows, long processedEvents) {
    }

    private final RetentionConfiguration configuration;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public RetentionJob(RetentionConfiguration configuration, JdbcOperations jdbc,
                        TransactionOperations<Connection> transactions) {
        this.configuration = configuration;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = "${eventshop.retention.interval:5m}", initialDelay = "${eventshop.retention.interval:5m}")
    void scheduled() {
        try {
            prune(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed, will try again next time: {}", e.toString());
        }
    }

    /** Deletes what is older than the retention periods as seen from {@code now}. */
    public Deleted prune(Instant now) {
        long outbox = deleteInChunks(DELETE_PUBLISHED, now.minus(configuration.getPublishedOutbox()));
        long processed = deleteInChunks(DELETE_PROCESSED, now.minus(configuration.getProcessedEvents()));
        if (outbox + processed > 0) {
            LOG.info("Retention deleted {} published outbox rows and {} processed-event ids", outbox, processed);
        }
        return new Deleted(outbox, processed);
    }

    private long deleteInChunks(String sql, Instant olderThan) {
        long total = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
                statement.setTimestamp(1, Timestamp.from(olderThan));
                statement.setInt(2, configuration.getChunkSize());
                return statement.executeUpdate();
            }));
            total += deleted;
        } while (deleted == configuration.getChunkSize());
        return total;
    }
}
