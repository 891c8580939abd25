package eventshop.analytics.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A record the topology cannot decode (not UTF-8, not JSON, an unknown type, invalid data) is parked on
 * {@code shop.deadletter} with its origin and error, and the stream goes on with the next record: CONTINUE.
 * <p>
 * If the dead letter itself cannot be written (the broker is away), the record must not be skipped silently: FAIL
 * ends the current attempt, the uncaught-exception handler replaces the stream thread, and the record is read
 * again from the last committed offset, which retries the dead letter. Instantiated by Kafka Streams; the
 * {@link DeadLetters} to use arrive in its configuration under {@link #DEAD_LETTERS}.
 */
public class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

    public static final String DEAD_LETTERS = "eventshop.analytics.dead-letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = (DeadLetters) configs.get(DEAD_LETTERS);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        try {
            deadLetters.park(keyedByString(record), exception);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (RuntimeException parkingFailed) {
            LOG.error("Cannot dead-letter {}/{}@{}; the record will be read again: {}", record.topic(),
                    record.partition(), record.offset(), parkingFailed.toString());
            return DeserializationHandlerResponse.FAIL;
        }
    }

    static ConsumerRecord<String, byte[]> keyedByString(ConsumerRecord<byte[], byte[]> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType() == null ? TimestampType.NO_TIMESTAMP_TYPE : record.timestampType(),
                record.serializedKeySize(), record.serializedValueSize(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value(),
                record.headers(), Optional.empty());
    }
}
