package eventshop.platform.messaging;

import eventshop.events.EventCodec;
import eventshop.events.EventDecodingException;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.platform.correlation.CorrelationId;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.function.Consumer;

/**
 * The one way a service consumes an event: decode, put the correlation id in the log context, apply the handler
 * exactly once per event id in one database transaction (idempotent consumer), and send what can never be applied to
 * the dead-letter topic. Transient failures (database down) propagate so the listener's error strategy retries the
 * record without committing its offset.
 */
@Singleton
public class IncomingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingEvents.class);

    private final EventCodec codec;
    private final ProcessedEventRepository processedEvents;
    private final TransactionOperations<Connection> transactions;
    private final DeadLetterPublisher deadLetters;
    private final EventMetrics metrics;

    public IncomingEvents(EventCodec codec, ProcessedEventRepository processedEvents,
                          TransactionOperations<Connection> transactions, DeadLetterPublisher deadLetters,
                          EventMetrics metrics) {
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * Applies {@code handler} to the record's event once per {@code consumer}: a redelivered or replayed event whose id
     * was already processed is skipped. The handler runs inside the transaction that records the id.
     */
    public void handleOnce(ConsumerRecord<String, byte[]> record, String consumer, Consumer<EventEnvelope> handler) {
        handle(record, consumer, true, handler);
    }

    /**
     * Like {@link #handleOnce} but without recording event ids, for handlers that are idempotent by nature (a state
     * snapshot applied as an upsert) and whose topic is re-read from the beginning, e.g. a replica of a compacted
     * topic: recording every snapshot would only grow the processed-event table and turn re-reads into skips.
     */
    public void handleEvery(ConsumerRecord<String, byte[]> record, String consumer, Consumer<EventEnvelope> handler) {
        handle(record, consumer, false, handler);
    }

    private void handle(ConsumerRecord<String, byte[]> record, String consumer, boolean onlyOnce,
                        Consumer<EventEnvelope> handler) {
        CorrelationId.runWith(headerCorrelationId(record), () -> {
            EventEnvelope envelope;
            try {
                envelope = codec.decode(record.value());
            } catch (EventDecodingException e) {
                deadLetters.publish(record, consumer, e);
                return;
            }
            CorrelationId.runWith(CorrelationId.sanitize(envelope.correlationId()).orElse(null),
                    () -> apply(record, consumer, onlyOnce, envelope, handler));
        });
    }

    private void apply(ConsumerRecord<String, byte[]> record, String consumer, boolean onlyOnce,
                       EventEnvelope envelope, Consumer<EventEnvelope> handler) {
        try {
            boolean applied = transactions.executeWrite(status -> {
                if (onlyOnce && processedEvents.insertIfAbsent(consumer, envelope.eventId()) == 0) {
                    return false;
                }
                handler.accept(envelope);
                return true;
            });
            if (applied) {
                metrics.consumed(record.topic(), envelope.type());
                LOG.debug("{} applied {} {}", consumer, envelope.type(), envelope.eventId());
            } else {
                metrics.duplicate(record.topic(), envelope.type());
                LOG.info("{} skipped duplicate {} {}", consumer, envelope.type(), envelope.eventId());
            }
        } catch (UnprocessableEventException e) {
            deadLetters.publish(record, consumer, e);
        } catch (RuntimeException e) {
            metrics.failed(record.topic());
            LOG.warn("{} failed on {} {}, will retry: {}", consumer, envelope.type(), envelope.eventId(), e.toString());
            throw e;
        }
    }

    private static String headerCorrelationId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
        // From another process: only a plain short id goes into the log context (no line breaks into text logs).
        return header == null || header.value() == null ? null
                : CorrelationId.sanitize(new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
