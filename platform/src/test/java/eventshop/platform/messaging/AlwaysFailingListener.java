package eventshop.platform.messaging;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener shaped like the services' whose handler never succeeds, with one quick retry. Test-only. */
@Requires(property = AlwaysFailingListener.ENABLED, value = "true")
@KafkaListener(groupId = AlwaysFailingListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 1,
                retryDelay = "10ms"))
class AlwaysFailingListener {

    static final String ENABLED = "test.always-failing-listener";
    static final String GROUP = "platform-test-always-failing";
    static final String TOPIC = "platform-test.always-failing";

    final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

    @Topic(TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        attemptsByKey.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
        throw new IllegalStateException("database still down");
    }
}
