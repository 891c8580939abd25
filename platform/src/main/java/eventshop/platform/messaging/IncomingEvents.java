package eventshop.platform.messaging;

import eventshop.events.EventCodec;
import eventshop.events.EventDecodingException;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.platform.correlation.CorrelationId;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one way a service consumes events: a whole poll at a time, in one database transaction.
 * <ol>
 * <li>Every record is decoded first; one that is not an event is a dead letter.</li>
 * <li>In one transaction: the ids of the poll's events are recorded in one statement, which answers which are new
 * (idempotent consumer: duplicates inside the poll and redeliveries of earlier polls are skipped); the handler
 * prepares (locks what the poll will change, in one stable order) and applies each new event in poll order, so a
 * key's events keep their order.</li>
 * <li>A record the handler refuses as permanently unprocessable rolls the transaction back and the poll is applied
 * again without it, so its neighbours are applied exactly once and it leaves no trace but its dead letter.</li>
 * <li>After the commit the dead letters are sent; the listener's offsets are committed after this method returns.</li>
 * </ol>
 * Anything else (the database down, a deadlock, a dead-letter send that fails) propagates: nothing of the poll was
 * committed, and the listener's error strategy ({@link Listeners}) seeks back and retries the whole poll after a pause,
 * for as long as it takes, with {@link ConsumerHealth} reporting the consumer DEGRADED meanwhile.
 */
@Singleton
public class IncomingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingEvents.class);

    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final TransactionOperations<Connection> transactions;
    private final DeadLetterPublisher deadLetters;
    private final EventMetrics metrics;
    private final ConsumerHealth health;

    public IncomingEvents(EventCodec codec, ProcessedEvents processedEvents,
                          TransactionOperations<Connection> transactions, DeadLetterPublisher deadLetters,
                          EventMetrics metrics, ConsumerHealth health) {
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.health = health;
    }

    /**
     * Applies each event of the poll once per {@code consumer}: an event whose id this consumer already processed (a
     * redelivery, a replay, a second copy in the same poll) is skipped.
     */
    public void handleOnce(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer,
                           String consumer, EventHandler handler) {
        handle(records, kafkaConsumer, consumer, true, handler);
    }

    /**
     * {@link #handleOnce} for a single record, from a listener that is not a batch listener: its own error strategy
     * must retry what this throws.
     */
    public void handleOnce(ConsumerRecord<String, byte[]> record, String consumer, EventHandler handler) {
        handle(List.of(record), null, consumer, true, handler);
    }

    /**
     * Like {@link #handleOnce} but without recording event ids, for handlers that are idempotent by nature (a state
     * snapshot applied as an upsert) and whose topic is re-read from the beginning, e.g. a replica of a compacted
     * topic: recording every snapshot would only grow the processed-event table and turn re-reads into skips. Of the
     * records of one key in the poll only the last is applied, as compaction would keep only it: under load a product's
     * stock changes with every order, and applying each intermediate snapshot cost a row update apiece.
     */
    public void handleLatestPerKey(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer,
                            String consumer, EventHandler handler) {
        handle(records, kafkaConsumer, consumer, false, handler);
    }

    private void handle(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer, String consumer,
                        boolean onlyOnce, EventHandler handler) {
        if (records.isEmpty()) {
            return;
        }
        List<Incoming> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            batch.add(Incoming.decode(i, records.get(i), codec));
        }
        Map<Integer, Throwable> poison = new HashMap<>();
        batch.stream().filter(in -> in.decodingError != null).forEach(in -> poison.put(in.index, in.decodingError));
        if (!onlyOnce) {
            batch = latestPerKey(batch);
        }
        List<Incoming> polled = batch;
        Applied applied;
        while (true) {
            try {
                applied = transactions.executeWrite(status -> applyAll(polled, poison, consumer, onlyOnce, handler));
                break;
            } catch (RuntimeException e) {
                PoisonRecord refused = PoisonRecord.in(e);
                if (refused == null) {
                    failed(records, kafkaConsumer, consumer, e);
                    throw e;
                }
                // Rolled back: apply the poll again without the refused record.
                poison.put(refused.index, refused.getCause());
            }
        }
        try {
            poison.forEach((index, error) -> deadLetters.publish(records.get(index), consumer, error));
        } catch (RuntimeException e) {
            // Not skipped: the poll is retried, its applied events are duplicates then, and the dead letter is re-sent.
            failed(records, kafkaConsumer, consumer, e);
            throw e;
        }
        health.succeeded(consumer);
        applied.report(metrics, consumer);
    }

    /** The poll without the well-formed records that a later record of the same partition and key supersedes. */
    private static List<Incoming> latestPerKey(List<Incoming> batch) {
        Map<List<Object>, Integer> last = new HashMap<>();
        for (Incoming in : batch) {
            if (in.record.key() != null && in.decodingError == null) {
                last.put(List.of(in.record.topic(), in.record.partition(), in.record.key()), in.index);
            }
        }
        return batch.stream().filter(in -> in.record.key() == null || in.decodingError != null
                || last.get(List.of(in.record.topic(), in.record.partition(), in.record.key())) == in.index).toList();
    }

    private Applied applyAll(List<Incoming> batch, Map<Integer, Throwable> poison, String consumer, boolean onlyOnce,
                             EventHandler handler) {
        List<Incoming> candidates = batch.stream().filter(in -> !poison.containsKey(in.index)).toList();
        Set<UUID> fresh = onlyOnce ? processedEvents.recordNew(consumer, candidates.stream()
                .filter(in -> in.envelope != null).map(in -> in.envelope.eventId()).toList()) : Set.of();
        Set<UUID> seen = new HashSet<>();
        List<Incoming> toApply = new ArrayList<>(candidates.size());
        Applied applied = new Applied();
        for (Incoming in : candidates) {
            if (in.envelope == null || !onlyOnce || (fresh.contains(in.envelope.eventId())
                    && seen.add(in.envelope.eventId()))) {
                toApply.add(in);
            } else {
                applied.duplicates.add(in);
            }
        }
        handler.prepare(toApply.stream().filter(in -> in.envelope != null).map(in -> in.envelope).toList());
        for (Incoming in : toApply) {
            CorrelationId.runWith(in.correlationId(), () -> {
                try {
                    if (in.envelope == null) {
                        handler.tombstone(in.record.key());
                    } else {
                        handler.apply(in.envelope);
                    }
                } catch (RuntimeException e) {
                    if (Failures.isPermanent(e)) {
                        throw new PoisonRecord(in.index, e);
                    }
                    throw e;
                }
            });
            applied.applied.add(in);
        }
        handler.finish();
        return applied;
    }

    private void failed(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafkaConsumer, String consumer,
                        RuntimeException e) {
        Listeners.seekBack(records, kafkaConsumer);
        records.stream().map(ConsumerRecord::topic).distinct().forEach(metrics::failed);
        health.failed(consumer, e);
        ConsumerRecord<String, byte[]> first = records.get(0);
        LOG.warn("{} failed on a poll of {} records from {}/{}@{}; nothing of it was committed, it is retried whole: {}",
                consumer, records.size(), first.topic(), first.partition(), first.offset(), e.toString());
    }

    /** One record of the poll, decoded: an envelope, a tombstone (no value) or a decoding error. */
    private static final class Incoming {
        final int index;
        final ConsumerRecord<String, byte[]> record;
        final EventEnvelope envelope;
        final EventDecodingException decodingError;

        private Incoming(int index, ConsumerRecord<String, byte[]> record, EventEnvelope envelope,
                         EventDecodingException decodingError) {
            this.index = index;
            this.record = record;
            this.envelope = envelope;
            this.decodingError = decodingError;
        }

        static Incoming decode(int index, ConsumerRecord<String, byte[]> record, EventCodec codec) {
            if (record.value() == null && record.key() != null) {
                return new Incoming(index, record, null, null);
            }
            try {
                return new Incoming(index, record, codec.decode(record.value()), null);
            } catch (EventDecodingException e) {
                return new Incoming(index, record, null, e);
            }
        }

        /** The event's own correlation id, else the header's; from another process, so only a plain short id. */
        String correlationId() {
            if (envelope != null) {
                return CorrelationId.sanitize(envelope.correlationId()).orElse(null);
            }
            Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
            return header == null || header.value() == null ? null
                    : CorrelationId.sanitize(new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
        }
    }

    /** What one committed poll did, reported only after the commit. */
    private static final class Applied {
        final List<Incoming> applied = new ArrayList<>();
        final List<Incoming> duplicates = new ArrayList<>();

        void report(EventMetrics metrics, String consumer) {
            for (Incoming in : applied) {
                if (in.envelope != null) {
                    metrics.consumed(in.record.topic(), in.envelope.type());
                }
            }
            Set<String> skipped = new LinkedHashSet<>();
            for (Incoming in : duplicates) {
                metrics.duplicate(in.record.topic(), in.envelope.type());
                skipped.add(in.envelope.type() + " " + in.envelope.eventId());
            }
            if (!skipped.isEmpty()) {
                LOG.info("{} skipped {} duplicate(s): {}", consumer, duplicates.size(), skipped);
            }
            LOG.debug("{} applied {} record(s)", consumer, applied.size());
        }
    }

    /** Control flow only: a record the handler refused for good; rolls the poll's transaction back. */
    private static final class PoisonRecord extends RuntimeException {
        final int index;

        PoisonRecord(int index, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }

        static PoisonRecord in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof PoisonRecord poison) {
                    return poison;
                }
            }
            return null;
        }
    }
}
