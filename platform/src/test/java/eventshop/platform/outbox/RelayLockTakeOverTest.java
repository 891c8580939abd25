package eventshop.platform.outbox;

import eventshop.events.StockReplenished;
import eventshop.events.Topics;
import eventshop.testing.TestInfrastructure;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A relay-lock holder that goes quiet inside its transaction - a frozen process (SIGSTOP) or one whose host vanished
 * looks exactly like this to PostgreSQL - blocks the other relays only until the server ends its session
 * (idle_in_transaction_session_timeout from the platform defaults); a killed holder's lock goes at once. The holder
 * here is a connection from the service's own pool, with the same session settings a second instance would have.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayLockTakeOverTest implements TestPropertyProvider {

    private static final Duration IDLE_IN_TRANSACTION_LIMIT = Duration.ofSeconds(25);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository repository;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties("platform_takeover");
    }

    @Test
    void everySessionHasTheTimeOutsThatKeepAFrozenPeerFromBlocking() throws SQLException {
        try (Connection connection = pool().getConnection(); Statement statement = connection.createStatement()) {
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("25s");
            assertThat(show(statement, "lock_timeout")).isEqualTo("10s");
        }
    }

    @Test
    void aFrozenLockHolderStopsBlockingTheRelayWithinItsIdleInTransactionLimit() throws SQLException {
        try (Connection frozen = pool().getConnection()) {
            holdRelayLock(frozen);
            Instant frozenAt = Instant.now();
            appendAnEvent();

            await().atMost(IDLE_IN_TRANSACTION_LIMIT.plusSeconds(15)).until(() -> repository.countUnpublished() == 0);

            assertThat(Duration.between(frozenAt, Instant.now())).isGreaterThanOrEqualTo(IDLE_IN_TRANSACTION_LIMIT.minusSeconds(1));
            assertThatThrownBy(() -> frozen.createStatement().execute("SELECT 1"))
                    .as("the server ended the quiet session").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aKilledLockHoldersLockGoesAtOnce() throws SQLException {
        try (Connection killed = pool().getConnection(); Connection admin = pool().getConnection()) {
            int pid = holdRelayLock(killed);
            appendAnEvent();
            assertThat(repository.countUnpublished()).isPositive();

            try (Statement statement = admin.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(" + pid + ")");
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> repository.countUnpublished() == 0);
            assertThatThrownBy(() -> killed.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    private DataSource pool() {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * Takes the relay's advisory lock (waiting while this context's relay holds it for a batch) in an open
     * transaction and goes quiet, as a frozen relay would.
     */
    private static int holdRelayLock(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_advisory_xact_lock(7342001), pg_backend_pid()")) {
            rs.next();
            return rs.getInt(2);
        }
    }

    private void appendAnEvent() {
        transactions.executeWrite(status -> outbox.append(Topics.INVENTORY, "take-over",
                new StockReplenished("SKU-TAKEOVER", 1, 1), null, "take-over"));
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
