package eventshop.benchmark;

import eventshop.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the analytics service's output, {@code shop.sales}, as the Sales page sees it ({@code read_committed}: the
 * stream processor writes in Kafka transactions, so an update is visible only once its transaction commits). Kafka
 * Streams stamps an aggregate's update with the timestamp of the input record that caused it (the OrderConfirmed or
 * OrderCancelled the relay sent), so "now − the record's timestamp" is how long an event took from the shop's topic
 * to a visible sales figure: broker, stream thread, state store, changelog and commit interval together.
 */
final class SalesUpdates implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Phase current;

    SalesUpdates(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SALES, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "sales-updates");
        thread.setDaemon(true);
        thread.start();
    }

    /** From now on, updates count towards {@code phase}. */
    void measure(Phase phase) {
        current = phase;
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Phase phase = current;
                if (phase != null) {
                    phase.salesUpdated(System.currentTimeMillis() - record.timestamp());
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
