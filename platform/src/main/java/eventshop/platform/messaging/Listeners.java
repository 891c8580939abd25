package eventshop.platform.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumption settings every event listener shares, as constants because annotation values must be:
 * <pre>{@code
 * @KafkaListener(groupId = "...", batch = true, offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
 *         errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
 *                 retryCount = Listeners.RETRY_FOREVER, retryDelay = Listeners.RETRY_DELAY))
 * void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer) {
 *     incoming.handleOnce(records, kafkaConsumer, GROUP, handler);
 * }
 * }</pre>
 * A whole poll is handled in one database transaction by {@link IncomingEvents}, and its offsets are committed (SYNC)
 * only after that transaction committed. What {@link IncomingEvents} lets through is transient by construction
 * (permanent problems were dead-lettered record by record): micronaut-kafka then seeks the poll's partitions back to
 * where the poll started, pauses them for {@code eventshop.consumers.retry-delay} (the consumer keeps polling, so it
 * stays in its group) and tries the whole poll again: forever, because a valid event must never become a dead letter
 * just because the database was away for long. {@link ConsumerHealth} shows the consumer DEGRADED meanwhile. The
 * listener's Kafka consumer goes to {@link IncomingEvents} so that it can seek back itself where micronaut-kafka cannot
 * (a partition assigned during the failed poll).
 */
public final class Listeners {

    /** micronaut-kafka counts retries per batch offset; at one a second this is longer than any outage. */
    public static final int RETRY_FOREVER = Integer.MAX_VALUE;
    /** Resolved from the configuration; {@link ConsumerConfiguration#getRetryDelay()} documents it. */
    public static final String RETRY_DELAY = "${eventshop.consumers.retry-delay:1s}";

    private Listeners() {
    }

    /**
     * Puts the consumer back at the start of a failed poll, so that it is handed over again whatever happens next. A
     * batch listener calls it before it throws. micronaut-kafka's batch retry seeks back too, but only to positions it
     * took before the poll: a partition assigned during that very poll (the first poll, a rebalance) has none, its
     * retry fails on that, and without this seek the next poll would move on past records that were never applied.
     * Call it on the listener's thread: the consumer may only be used there.
     */
    public static void seekBack(List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> kafkaConsumer) {
        if (kafkaConsumer == null) {
            return;
        }
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            starts.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        starts.forEach(kafkaConsumer::seek);
    }
}
