package eventshop.audit.persistence;

import eventshop.audit.domain.StoredHeader;
import eventshop.audit.domain.JournalText;
import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends records to the journal in one JDBC batch and one transaction. {@code ON CONFLICT DO NOTHING} on the record's
 * (topic id, partition, offset) makes a redelivered record a no-op, which is what lets the consumer commit its offsets
 * only after this transaction: a crash in between redelivers records that are already here, and nothing is doubled.
 * A second copy of an event at another offset is journaled too, marked {@code resent}.
 * (Micronaut Data has no batched insert-or-ignore, hence plain JDBC through its {@link JdbcOperations}.)
 */
@Singleton
public class JournalWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final Argument<List<StoredHeader>> HEADERS = Argument.listOf(StoredHeader.class);
    /*
     * One row per statement of the batch, so a later record sees the rows of earlier ones (two copies of an event in
     * one poll). "resent": an original (not replayed) copy of an event this topic's journal already holds at another
     * offset, sent again by a relay that had not seen its acknowledgements.
     */
    private static final String INSERT = """
            WITH r (topic, topic_id, kafka_partition, kafka_offset, message_key, key_base64, headers, record_timestamp,
                received_at, payload, payload_base64, valid, decode_error, event_id, event_type, event_version, order_id,
                correlation_id, source, occurred_at, replayed) AS (
              VALUES (?::text, ?::uuid, ?::int, ?::bigint, ?::text, ?::boolean, ?::jsonb, ?::timestamptz,
                ?::timestamptz, ?::text, ?::boolean, ?::boolean, ?::text, ?::uuid, ?::text, ?::int, ?::uuid, ?::text,
                ?::text, ?::timestamptz, ?::boolean))
            INSERT INTO journal_entry (topic, topic_id, kafka_partition, kafka_offset, message_key, key_base64, headers,
                record_timestamp, received_at, payload, payload_base64, valid, decode_error, event_id, event_type,
                event_version, order_id, correlation_id, source, occurred_at, replayed, resent)
            SELECT r.*, NOT r.replayed AND EXISTS (SELECT 1 FROM journal_entry j
                WHERE j.event_id = r.event_id AND j.topic = r.topic AND NOT j.replayed)
            FROM r
            ON CONFLICT (topic_id, kafka_partition, kafka_offset) DO NOTHING""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public JournalWriter(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Appends the records in one batch. When the database refuses a value of one of them (a data exception: a date
     * out of its range, say), the batch is rolled back and the records are written one by one, the refused ones as
     * {@linkplain JournalRecord#asUnstorable unstorable}, so one record never stops the journal. Other failures
     * (connection lost, database down) propagate: they are transient and the batch is retried whole.
     *
     * @return for each record, whether it was new ({@code false}: it had been journaled before)
     */
    @Transactional
    public boolean[] append(List<JournalRecord> records) {
        if (records.isEmpty()) {
            return new boolean[0];
        }
        Connection connection = jdbc.getConnection();
        Savepoint beforeBatch = savepoint(connection);
        try {
            return insert(records);
        } catch (DataAccessException e) {
            if (!refusedValue(e)) {
                throw e;
            }
            rollbackTo(connection, beforeBatch);
        }
        boolean[] inserted = new boolean[records.size()];
        for (int i = 0; i < records.size(); i++) {
            inserted[i] = insertOrMarkUnstorable(connection, records.get(i));
        }
        return inserted;
    }

    private boolean insertOrMarkUnstorable(Connection connection, JournalRecord record) {
        Savepoint beforeRecord = savepoint(connection);
        try {
            return insert(List.of(record))[0];
        } catch (DataAccessException e) {
            if (!refusedValue(e)) {
                throw e;
            }
            rollbackTo(connection, beforeRecord);
            LOG.warn("Journaling {}-{}@{} as unstorable: {}", record.topic(), record.kafkaPartition(),
                    record.kafkaOffset(), rootMessage(e));
            return insert(List.of(record.asUnstorable(JournalText.error("cannot be stored: " + rootMessage(e)))))[0];
        }
    }

    private boolean[] insert(List<JournalRecord> records) {
        return jdbc.prepareStatement(INSERT, statement -> {
            for (JournalRecord record : records) {
                bind(statement, record);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            boolean[] inserted = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
            }
            return inserted;
        });
    }

    private void bind(PreparedStatement statement, JournalRecord r) throws SQLException {
        int i = 0;
        statement.setString(++i, r.topic());
        statement.setObject(++i, r.topicId(), Types.OTHER);
        statement.setInt(++i, r.kafkaPartition());
        statement.setLong(++i, r.kafkaOffset());
        statement.setString(++i, r.messageKey());
        statement.setBoolean(++i, r.keyBase64());
        statement.setString(++i, headersJson(r.headers()));
        statement.setObject(++i, timestamp(r.recordTimestamp()));
        statement.setObject(++i, timestamp(r.receivedAt()));
        statement.setString(++i, r.payload());
        statement.setBoolean(++i, r.payloadBase64());
        statement.setBoolean(++i, r.valid());
        statement.setString(++i, r.decodeError());
        statement.setObject(++i, r.eventId(), Types.OTHER);
        statement.setString(++i, r.eventType());
        statement.setObject(++i, r.eventVersion(), Types.INTEGER);
        statement.setObject(++i, r.orderId(), Types.OTHER);
        statement.setString(++i, r.correlationId());
        statement.setString(++i, r.source());
        statement.setObject(++i, timestamp(r.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setBoolean(++i, r.replayed());
    }

    /** SQLSTATE class 22 (data exception) or 54 (program limit exceeded): this value can never be stored. */
    private static boolean refusedValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("54"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof SQLException sql && sql.getNextException() != null) {
            root = sql.getNextException();
        }
        return String.valueOf(root.getMessage());
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new DataAccessException("cannot set a savepoint", e);
        }
    }

    private static void rollbackTo(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new DataAccessException("cannot roll back to a savepoint", e);
        }
    }

    private String headersJson(List<StoredHeader> headers) {
        try {
            return json.writeValueAsString(HEADERS, headers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise headers", e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
