package eventshop.benchmark;

import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code shop.orders} for each order's outcome (OrderConfirmed or OrderRejected) and hands it to the phase that
 * placed the order, with the times the stages of the order's way were published ({@link Hops}: OrderPlaced on
 * {@code shop.orders}, inventory's answer on {@code shop.inventory}, the outcome; each record's CreateTime, stamped by
 * the producing relay), so a phase can tell which stage the time went to. Reading the outcome from the topic costs the shop nothing (no polling of {@code GET /orders/{id}})
 * and is what a live page sees. The consumer has no group: it is assigned every partition from the end, so only
 * orders of this run are seen.
 */
final class Outcomes implements AutoCloseable {

    static final String CONFIRMED = "OrderConfirmed";
    static final String REJECTED = "OrderRejected";
    private static final String PLACED = "OrderPlaced";
    private static final Set<String> ANSWERS = Set.of("StockReserved", "StockRejected");
    /** Outcomes seen before the POST that created the order returned (the order id is not known yet). Bounded. */
    private static final int MAX_EARLY = 100_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Phase> owners = new HashMap<>();
    private final Map<String, Seen> early = new HashMap<>();
    /** Per order not resolved yet: when its OrderPlaced and inventory's answer were published (epoch ms). Bounded. */
    private final Map<String, long[]> stages = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Outcomes(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = Stream.of(Topics.ORDERS, Topics.INVENTORY)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);   // resolve the end offsets now, before any order is placed
        thread = new Thread(this::run, "outcomes");
        thread.setDaemon(true);
        thread.start();
    }

    /** The order was accepted by {@code POST /orders}; its outcome belongs to {@code phase}. */
    synchronized void expect(String orderId, Phase phase, long intendedNanos) {
        phase.accepted(orderId, intendedNanos);
        Seen seen = early.remove(orderId);
        if (seen != null) {
            phase.resolved(orderId, seen.type(), seen.nanos(), seen.hops());
        } else {
            owners.put(orderId, phase);
        }
    }

    private synchronized void seen(String orderId, String type, long nanos, long publishedMillis) {
        long[] times = stages.remove(orderId);
        Hops hops = times == null ? null : new Hops(times[0], times[1], publishedMillis);
        Phase phase = owners.remove(orderId);
        if (phase != null) {
            phase.resolved(orderId, type, nanos, hops);
        } else if (early.size() < MAX_EARLY) {
            early.put(orderId, new Seen(type, nanos, hops));
        }
    }

    private synchronized void stage(String orderId, int stage, long publishedMillis) {
        if (stages.size() < MAX_EARLY || stages.containsKey(orderId)) {
            stages.computeIfAbsent(orderId, id -> new long[2])[stage] = publishedMillis;
        }
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
                String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                if (record.key() == null || type == null) {
                    continue;
                }
                if (CONFIRMED.equals(type) || REJECTED.equals(type)) {
                    seen(record.key(), type, now, record.timestamp());
                } else if (PLACED.equals(type)) {
                    stage(record.key(), 0, record.timestamp());
                } else if (ANSWERS.contains(type)) {
                    stage(record.key(), 1, record.timestamp());
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

    private record Seen(String type, long nanos, Hops hops) {
    }

    /** When an order's OrderPlaced, inventory's answer and its outcome were published (epoch ms; 0: not seen). */
    record Hops(long placedMillis, long answeredMillis, long outcomeMillis) {
    }
}
