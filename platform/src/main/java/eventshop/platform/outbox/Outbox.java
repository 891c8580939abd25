package eventshop.platform.outbox;

import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Where services put the events they emit. Writing happens inside the caller's transaction, so the event exists if and
 * only if the state change it announces was committed (transactional outbox); the {@link OutboxRelay} publishes it.
 * The rows of one transaction are collected and inserted just before it commits, in one JDBC batch (a consumer's poll
 * can emit hundreds of events; one round trip instead of one each), in the order they were appended.
 */
@Singleton
public class Outbox {

    /** Published inside the transaction; the relay reacts after commit, so a fresh event leaves at once. */
    public record Appended() {
    }

    private static final String INSERT = "INSERT INTO outbox (topic, message_key, event_id, event_type, correlation_id, "
            + "payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final TransactionOperations<Connection> transactions;
    private final EventCodec codec;
    private final ApplicationEventPublisher<Appended> appended;
    private final String source;
    /** The rows each open transaction appended, by its connection (one per transaction, whatever the thread). */
    private final Map<Connection, List<OutboxMessage>> pending = new ConcurrentHashMap<>();

    public Outbox(TransactionOperations<Connection> transactions, EventCodec codec,
                  ApplicationEventPublisher<Appended> appended, ApplicationConfiguration application) {
        this.transactions = transactions;
        this.codec = codec;
        this.appended = appended;
        this.source = application.getName().orElseThrow();
    }

    /**
     * Wraps {@code data} in a new envelope whose source is this service (its application name) and appends it. The
     * correlation id usually comes from a consumed event, i.e. from another process: one that is not a plain short id
     * (it would not fit the outbox row and would fail the transaction at every retry) is replaced by a new one.
     */
    @Transactional(propagation = MANDATORY)
    public EventEnvelope append(String topic, String key, DomainEvent data, UUID orderId, String correlationId) {
        EventEnvelope envelope = EventEnvelope.of(data, orderId,
                CorrelationId.sanitize(correlationId).orElseGet(CorrelationId::newId), source);
        append(topic, key, envelope);
        return envelope;
    }

    @Transactional(propagation = MANDATORY)
    public void append(String topic, String key, EventEnvelope envelope) {
        OutboxMessage message = new OutboxMessage(null, topic, key, envelope.eventId(), envelope.type(),
                envelope.correlationId(), new String(codec.encode(envelope), StandardCharsets.UTF_8), Instant.now(),
                null);
        Connection connection = transactions.getConnection();
        List<OutboxMessage> rows = pending.get(connection);
        if (rows == null) {
            rows = new ArrayList<>();
            pending.put(connection, rows);
            TransactionStatus<?> status = transactions.findTransactionStatus().orElseThrow();
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    insert(connection, pending.remove(connection));
                }

                @Override
                public void afterCompletion(Status completion) {
                    pending.remove(connection);
                }
            });
            appended.publishEvent(new Appended());
        }
        rows.add(message);
    }

    private static void insert(Connection connection, List<OutboxMessage> rows) {
        if (rows == null || rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxMessage row : rows) {
                insert.setString(1, row.topic());
                insert.setString(2, row.messageKey());
                insert.setObject(3, row.eventId());
                insert.setString(4, row.eventType());
                insert.setString(5, row.correlationId());
                insert.setString(6, row.payload());
                insert.setObject(7, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("cannot write " + rows.size() + " outbox rows", e);
        }
    }
}
