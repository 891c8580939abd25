package eventshop.analytics.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A result the broker refuses for good (too large, say; retriable errors never get here, the producer retries them)
 * is parked on {@code shop.deadletter}, with the coordinates of the input record that produced it, and the stream goes
 * on: CONTINUE. A result that cannot even be serialized is a bug in this service: it is logged and skipped, because
 * stopping would stop every figure, not just this one. If parking fails, FAIL: the stream thread is replaced and the
 * input is processed again from the last commit.
 */
public class DeadLetteringProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = (DeadLetters) configs.get(DeadLetteringDeserializationHandler.DEAD_LETTERS);
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        ConsumerRecord<String, byte[]> parked = new ConsumerRecord<>(context.topic(), context.partition(),
                context.offset(), context.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value(),
                record.headers(), Optional.empty());
        try {
            deadLetters.park(parked, new IllegalStateException("cannot write to " + record.topic() + ": "
                    + exception, exception));
            return ProductionExceptionHandlerResponse.CONTINUE;
        } catch (RuntimeException parkingFailed) {
            LOG.error("Cannot dead-letter a result for {}; the input will be processed again: {}", record.topic(),
                    parkingFailed.toString());
            return ProductionExceptionHandlerResponse.FAIL;
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                                                                           ProducerRecord record, Exception exception,
                                                                           SerializationExceptionOrigin origin) {
        LOG.error("Skipped a result for {} whose {} cannot be serialized (input {}/{}@{}): {}", record.topic(),
                origin, context.topic(), context.partition(), context.offset(), exception.toString());
        return ProductionExceptionHandlerResponse.CONTINUE;
    }
}
