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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener shaped like the services' (same offset and error strategies) that notes every record it is handed and
 * applies each event once through {@link IncomingEvents}, by inserting a row in {@code applied_event} inside the
 * handler's transaction. Test-only.
 */
@Requires(property = CountingListener.ENABLED, value = "true")
@KafkaListener(groupId = CountingListener.GROUP, batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Listeners.RETRY_FOREVER, retryDelay = Listeners.RETRY_DELAY))
class CountingListener {

    static final String ENABLED = "test.counting-listener";
    static final String GROUP = "platform-test-counting";
    static final String TOPIC = "platform-test.counting";

    /** Keys of the records this instance was handed, applied or not: redeliveries show up here. */
    final List<String> deliveredKeys = new CopyOnWriteArrayList<>();

    private final IncomingEvents incoming;
    private final ConnectionOperations<Connection> connections;

    CountingListener(IncomingEvents incoming, ConnectionOperations<Connection> connections) {
        this.incoming = incoming;
        this.connections = connections;
    }

    @Topic(TOPIC)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer) {
        records.forEach(record -> deliveredKeys.add(record.key()));
        incoming.handleOnce(records, kafkaConsumer, GROUP, event -> insertApplied(((StockReplenished) event.data()).sku()));
    }

    private void insertApplied(String key) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO applied_event (record_key) VALUES (?)")) {
            insert.setString(1, key);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + key, e);
        }
    }
}
