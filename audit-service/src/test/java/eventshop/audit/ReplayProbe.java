package eventshop.audit;

import eventshop.events.Topics;
import eventshop.platform.messaging.IncomingEvents;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer like the shop's services: it applies events from shop.orders through the platform's IncomingEvents
 * (idempotent by event id), and each application writes a row. It also counts every delivery per key, applied or
 * not, so a test can tell "the replay arrived and was skipped" from "the replay never arrived".
 */
@Requires(property = "test.replay-probe.enabled", value = "true")
@KafkaListener(groupId = "replay-probe-${random.uuid}", clientId = ReplayProbe.CLIENT_ID, offsetReset = OffsetReset.LATEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 10, retryDelay = "200ms"))
class ReplayProbe {

    static final String CONSUMER = "replay-probe";
    static final String CLIENT_ID = "replay-probe";

    private final IncomingEvents incoming;
    private final JdbcOperations jdbc;
    private final Map<String, AtomicInteger> deliveriesByKey = new ConcurrentHashMap<>();

    ReplayProbe(IncomingEvents incoming, JdbcOperations jdbc) {
        this.incoming = incoming;
        this.jdbc = jdbc;
    }

    @Topic(Topics.ORDERS)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(record, CONSUMER, envelope -> jdbc.prepareStatement(
                "INSERT INTO replay_probe_effect (event_id, order_id) VALUES (?, ?)", st -> {
                    st.setObject(1, envelope.eventId());
                    st.setObject(2, envelope.orderId());
                    return st.executeUpdate();
                }));
        if (record.key() != null) {
            deliveriesByKey.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    int deliveries(String key) {
        AtomicInteger count = deliveriesByKey.get(key);
        return count == null ? 0 : count.get();
    }
}
