package eventshop.testing;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends raw or encoded records and watches topics from the beginning, for tests that look at the broker itself. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public static KafkaTestClient forSharedBroker() {
        return new KafkaTestClient(KafkaBroker.shared().bootstrapServers());
    }

    /** Sends bytes as they are (garbage included) and waits for the broker's acknowledgement. */
    public void sendRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends an event encoded by the shop's codec, with the headers the services set. */
    public void send(String topic, String key, EventEnvelope envelope, EventCodec codec) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(envelope));
        record.headers().add(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        if (envelope.correlationId() != null) {
            record.headers().add(EventHeaders.CORRELATION_ID,
                    envelope.correlationId().getBytes(StandardCharsets.UTF_8));
        }
        send(record);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    /** The value of a record's last header of that name as text, or null when it has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Starts reading the given topics from the beginning in the background; {@link TopicWatcher#records()} grows. */
    public TopicWatcher watch(Collection<String> topics) {
        return new TopicWatcher(bootstrapServers, topics);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A background consumer that collects every record of some topics, from the beginning. */
    public static final class TopicWatcher implements AutoCloseable {

        private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        TopicWatcher(String bootstrapServers, Collection<String> topics) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-watcher-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.copyOf(topics));
            thread = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                    }
                }
            }, "topic-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        public List<ConsumerRecord<String, byte[]>> records() {
            return new ArrayList<>(records);
        }

        /** The records that decode as events; others are skipped. */
        public List<EventEnvelope> events(EventCodec codec) {
            List<EventEnvelope> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(codec.decode(record.value()));
                } catch (RuntimeException ignored) {
                    // not an event: the caller asked only for the valid ones
                }
            }
            return events;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }
}
