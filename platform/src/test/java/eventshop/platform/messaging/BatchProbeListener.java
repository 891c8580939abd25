package eventshop.platform.messaging;

import eventshop.events.StockReplenished;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A batch listener shaped exactly like the services' (same strategies, {@link IncomingEvents#handleOnce}) on a topic of
 * the test's choosing. Each applied StockReplenished inserts its SKU into {@code probe.applied_event} in the poll's
 * transaction; a SKU starting with {@code unprocessable} is refused for good. It notes the keys of every poll it is
 * handed, and {@link #sabotage} lets a test break the poll's transaction from inside. Test-only.
 */
@Requires(property = BatchProbeListener.ENABLED, value = "true")
@KafkaListener(groupId = "${test.batch-probe.group}", clientId = BatchProbeListener.CLIENT_ID, autoStartup = false,
        batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Listeners.RETRY_FOREVER, retryDelay = Listeners.RETRY_DELAY))
class BatchProbeListener {

    static final String ENABLED = "test.batch-probe.enabled";
    static final String CONSUMER = "platform-test-batch-probe";
    /** Starts paused: a test sends its records, then resumes it, so they arrive in one poll. */
    static final String CLIENT_ID = "platform-test-batch-probe";

    /** The keys of every poll handed to the listener, in order: redeliveries and batch shapes show up here. */
    final List<List<String>> polls = new CopyOnWriteArrayList<>();
    static final Consumer<Connection> NO_SABOTAGE = connection -> {
    };
    /**
     * Runs in the poll's transaction before each event is applied, with that transaction's connection. Static, so a
     * test can set it before the service (and its consumer) starts.
     */
    static volatile Consumer<Connection> sabotage = NO_SABOTAGE;

    private final IncomingEvents incoming;
    private final ConnectionOperations<Connection> connections;

    BatchProbeListener(IncomingEvents incoming, ConnectionOperations<Connection> connections) {
        this.incoming = incoming;
        this.connections = connections;
    }

    @Topic("${test.batch-probe.topic}")
    void on(List<ConsumerRecord<String, byte[]>> records, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
        polls.add(records.stream().map(ConsumerRecord::key).toList());
        incoming.handleOnce(records, consumer, CONSUMER, event -> {
            String sku = ((StockReplenished) event.data()).sku();
            if (sku.startsWith("unprocessable")) {
                throw new UnprocessableEventException("no such product " + sku);
            }
            Connection connection = connections.getConnectionStatus().getConnection();
            sabotage.accept(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO probe.applied_event (record_key) VALUES (?)")) {
                insert.setString(1, sku);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record " + sku, e);
            }
        });
    }
}
