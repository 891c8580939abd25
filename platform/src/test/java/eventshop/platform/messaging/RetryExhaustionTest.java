package eventshop.platform.messaging;

import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that still fails after the listener's last retry is dead-lettered with its origin and the consumer's group,
 * and the consumer goes on to the next record: nothing is skipped silently.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryExhaustionTest implements TestPropertyProvider {

    @Inject
    AlwaysFailingListener listener;

    @Override
    public Map<String, String> getProperties() {
        KafkaBroker.shared().createTopics(List.of(new Topics.Spec(AlwaysFailingListener.TOPIC, 1, false)));
        Map<String, String> props = new HashMap<>(TestInfrastructure.properties("platform_exhaustion"));
        props.put(AlwaysFailingListener.ENABLED, "true");
        return props;
    }

    @Test
    void aRecordFailingAfterItsLastRetryIsDeadLetteredAndTheConsumerGoesOn() throws InterruptedException {
        String first = "exhausted-" + UUID.randomUUID();
        String second = "exhausted-" + UUID.randomUUID();
        try (KafkaTestClient client = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher deadLetters = client.watch(List.of(Topics.DEADLETTER))) {
            client.sendRaw(AlwaysFailingListener.TOPIC, first, "{\"pretend\":\"order\"}".getBytes(StandardCharsets.UTF_8));
            client.sendRaw(AlwaysFailingListener.TOPIC, second, new byte[]{1, 2, 3});

            await().atMost(Duration.ofSeconds(30)).until(() -> letter(deadLetters, first) != null
                    && letter(deadLetters, second) != null);
            ConsumerRecord<String, byte[]> parked = letter(deadLetters, first);
            assertThat(parked.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"pretend\":\"order\"}");
            assertThat(header(parked, EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo(AlwaysFailingListener.TOPIC);
            assertThat(header(parked, EventHeaders.DLT_SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(parked, EventHeaders.DLT_CONSUMER_GROUP)).isEqualTo(AlwaysFailingListener.GROUP);
            assertThat(header(parked, EventHeaders.DLT_ERROR)).isEqualTo("database still down");
            assertThat(Long.parseLong(header(letter(deadLetters, second), EventHeaders.DLT_SOURCE_OFFSET)))
                    .isEqualTo(Long.parseLong(header(parked, EventHeaders.DLT_SOURCE_OFFSET)) + 1);
            // the first attempt and its one retry, then no more: the record was given up, not retried forever
            assertThat(listener.attemptsByKey.get(first)).hasValue(2);
            assertThat(deadLetters.records().stream().filter(r -> first.equals(r.key()))).hasSize(1);
        }
    }

    private static ConsumerRecord<String, byte[]> letter(KafkaTestClient.TopicWatcher watcher, String key) {
        return watcher.records().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }
}
