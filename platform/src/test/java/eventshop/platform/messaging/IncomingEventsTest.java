package eventshop.platform.messaging;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.StockReplenished;
import eventshop.events.Topics;
import eventshop.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import eventshop.testing.KafkaTestClient;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomingEventsTest implements TestPropertyProvider {

    @Inject
    IncomingEvents incoming;
    @Inject
    EventCodec codec;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties("platform_incoming");
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        EventEnvelope event = EventEnvelope.of(new StockReplenished("ESP-001", 3, 9), null, "corr-1", "test");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.INVENTORY, 0, 1L, "ESP-001",
                codec.encode(event));
        AtomicInteger applied = new AtomicInteger();

        incoming.handleOnce(record, "test-consumer", e -> applied.incrementAndGet());
        incoming.handleOnce(record, "test-consumer", e -> applied.incrementAndGet());
        incoming.handleOnce(record, "another-consumer", e -> applied.incrementAndGet());

        assertThat(applied).hasValue(2);
    }

    @Test
    void aFailingHandlerRecordsNothingSoTheRetryAppliesIt() {
        EventEnvelope event = EventEnvelope.of(new StockReplenished("ESP-001", 3, 9), null, "corr-2", "test");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.INVENTORY, 0, 2L, "ESP-001",
                codec.encode(event));
        AtomicInteger applied = new AtomicInteger();

        assertThatThrownBy(() -> incoming.handleOnce(record, "retrying-consumer", e -> {
            throw new IllegalStateException("database went away");
        })).isInstanceOf(IllegalStateException.class);
        incoming.handleOnce(record, "retrying-consumer", e -> applied.incrementAndGet());

        assertThat(applied).hasValue(1);
    }

    @Test
    void poisonAndUnprocessableRecordsGoToTheDeadLetterTopicWithTheirOrigin() throws Exception {
        byte[] garbage = {(byte) 0xFF, 'n', 'o', 'p', 'e'};
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.ORDERS, 2, 42L, "poison-key", garbage);
        EventEnvelope impossible = EventEnvelope.of(new StockReplenished("GONE", 1, 1), null, "corr-3", "test");
        ConsumerRecord<String, byte[]> unprocessable = new ConsumerRecord<>(Topics.INVENTORY, 1, 7L, "unproc-key",
                codec.encode(impossible));

        try (KafkaTestClient client = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher watcher = client.watch(List.of(Topics.DEADLETTER))) {
            incoming.handleOnce(poison, "dlt-test", e -> {
                throw new AssertionError("a poison record must never reach the handler");
            });
            incoming.handleOnce(unprocessable, "dlt-test", e -> {
                throw new UnprocessableEventException("no such product");
            });

            await().until(() -> watcher.records().stream().filter(r -> r.key() != null
                    && (r.key().equals("poison-key") || r.key().equals("unproc-key"))).count() == 2);
            ConsumerRecord<String, byte[]> parked = watcher.records().stream()
                    .filter(r -> "poison-key".equals(r.key())).findFirst().orElseThrow();
            assertThat(parked.value()).isEqualTo(garbage);
            assertThat(header(parked, EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo(Topics.ORDERS);
            assertThat(header(parked, EventHeaders.DLT_SOURCE_PARTITION)).isEqualTo("2");
            assertThat(header(parked, EventHeaders.DLT_SOURCE_OFFSET)).isEqualTo("42");
            assertThat(header(parked, EventHeaders.DLT_CONSUMER_GROUP)).isEqualTo("dlt-test");
            assertThat(header(parked, EventHeaders.DLT_ERROR)).contains("NOT_UTF8");
            ConsumerRecord<String, byte[]> rejected = watcher.records().stream()
                    .filter(r -> "unproc-key".equals(r.key())).findFirst().orElseThrow();
            assertThat(header(rejected, EventHeaders.DLT_ERROR)).isEqualTo("no such product");
        }
    }

    @Test
    void aReplicaAppliesOnlyTheLastRecordOfEachKeyInAPoll() {
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                snapshot(0, 10L, "ESP-001", 5), snapshot(0, 11L, "ESP-002", 7),
                snapshot(0, 12L, "ESP-001", 4), snapshot(1, 3L, "ESP-001", 9));
        List<String> applied = new ArrayList<>();

        incoming.handleLatestPerKey(poll, null, "replica-test", e -> {
            StockReplenished change = (StockReplenished) e.data();
            applied.add(change.sku() + "=" + change.stock());
        });

        assertThat(applied).containsExactly("ESP-002=7", "ESP-001=4", "ESP-001=9");
    }

    private ConsumerRecord<String, byte[]> snapshot(int partition, long offset, String sku, int stock) {
        EventEnvelope event = EventEnvelope.of(new StockReplenished(sku, 1, stock), null, "corr-r", "test");
        return new ConsumerRecord<>(Topics.CATALOG, partition, offset, sku, codec.encode(event));
    }
}
