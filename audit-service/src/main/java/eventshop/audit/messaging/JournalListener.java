package eventshop.audit.messaging;

import eventshop.audit.service.JournalMetrics;
import eventshop.events.Topics;
import eventshop.platform.messaging.ConsumerHealth;
import eventshop.platform.messaging.Listeners;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Journals every record of every shop topic, present or future (pattern subscription; new topics are found within
 * {@code metadata.max.age.ms}), with its own consumer group. Each poll is written in one batch and one transaction;
 * offsets are committed (SYNC) only after that transaction, so a crash can redeliver but never lose, and the unique
 * record coordinates - topic id, partition, offset ({@link Journal}) - make a redelivery insert nothing. A
 * failed write is retried indefinitely without committing: the journal skips nothing, it waits (for instance for the
 * database to come back).
 */
@KafkaListener(
        groupId = "${" + JournalListener.GROUP_SETTING + ":" + JournalListener.GROUP + "}",
        clientId = JournalListener.GROUP,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = Listeners.RETRY_FOREVER,
                retryDelay = Listeners.RETRY_DELAY),
        properties = {
                // Keys as bytes too: a replay must resend them exactly, whatever their encoding.
                @Property(name = ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        value = "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
                @Property(name = ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        value = "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
                @Property(name = ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        value = "${eventshop.audit.topic-discovery-ms:5000}"),
                @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "${eventshop.audit.batch-size:500}"),
                // What was written, not what was tried: analytics-service writes shop.sales in Kafka transactions, and
                // a record of an aborted one never happened.
                @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed")
        })
public class JournalListener {

    /** Also the client id, so the broker's and the health check's lists name the journal alike. */
    static final String GROUP = "audit-journal";
    /**
     * Replaces {@link #GROUP} where a journal must start over from the earliest offsets under a group of its own: each
     * audit test journals into a fresh database.
     */
    static final String GROUP_SETTING = "eventshop.audit.consumer-group";
    private static final Logger LOG = LoggerFactory.getLogger(JournalListener.class);

    private final Journal journal;
    private final JournalMetrics metrics;
    private final ConsumerHealth health;

    public JournalListener(Journal journal, JournalMetrics metrics, ConsumerHealth health) {
        this.journal = journal;
        this.metrics = metrics;
        this.health = health;
    }

    @Topic(patterns = Topics.ALL_PATTERN)
    void journal(List<ConsumerRecord<byte[], byte[]>> batch, Consumer<?, ?> kafkaConsumer) {
        Journal.Appended appended;
        try {
            appended = journal.append(batch, Instant.now());
        } catch (RuntimeException e) {
            metrics.writeFailed();
            health.failed(GROUP, e);
            Listeners.seekBack(batch, kafkaConsumer);
            LOG.warn("Could not journal {} records, will retry without committing: {}", batch.size(), e.toString());
            throw e;
        }
        health.succeeded(GROUP);
        metrics.written(appended.records(), appended.inserted());
    }
}
