package eventshop.platform.messaging;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.StockReplenished;
import eventshop.events.Topics;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer commits what it finished before it stops: a service that processed some records and was shut down
 * gracefully, then started again in the same consumer group, is handed only the records it had not processed. The
 * second instance's listener notes every record it is handed, so a redelivery fails the test even though the
 * idempotent consumer would have skipped it (that safety net is proven in {@link IncomingEventsTest}). One partition,
 * so records arrive in order: once the new records are applied, any redelivered old one would already have been seen.
 */
class ConsumerRestartTest {

    private static final int FIRST_BATCH = 5;
    private static final int SECOND_BATCH = 3;

    @Test
    void aRestartedConsumerIsHandedOnlyWhatItHadNotFinished() {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.properties("platform_restart"));
        properties.put(CountingListener.ENABLED, "true");
        TestPostgres.Database database = TestPostgres.Database.of(properties);
        KafkaBroker.shared().createTopics(List.of(new Topics.Spec(CountingListener.TOPIC, 1, false)));
        List<String> firstKeys = keys("first", FIRST_BATCH);
        List<String> secondKeys = keys("second", SECOND_BATCH);

        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            try (ApplicationContext first = start(properties)) {
                // After Flyway's first migration: it refuses a non-empty schema without its history table.
                database.execute("CREATE TABLE applied_event (record_key TEXT NOT NULL)");
                send(kafka, first.getBean(EventCodec.class), firstKeys);
                await().atMost(Duration.ofSeconds(30)).until(() -> applied(database) == FIRST_BATCH);
            }

            try (ApplicationContext second = start(properties)) {
                send(kafka, second.getBean(EventCodec.class), secondKeys);
                await().atMost(Duration.ofSeconds(30)).until(() -> applied(database) == FIRST_BATCH + SECOND_BATCH);

                assertThat(second.getBean(CountingListener.class).deliveredKeys)
                        .as("the restarted consumer is handed only the new records")
                        .containsExactlyElementsOf(secondKeys);
            }
        }
        assertThat(database.queryLong("SELECT count(DISTINCT record_key) FROM applied_event"))
                .as("every record applied exactly once").isEqualTo(FIRST_BATCH + SECOND_BATCH);
    }

    private static ApplicationContext start(Map<String, String> properties) {
        return ApplicationContext.builder().properties(new HashMap<>(properties)).environments("test").start();
    }

    private static void send(KafkaTestClient kafka, EventCodec codec, List<String> keys) {
        keys.forEach(key -> kafka.send(CountingListener.TOPIC, key,
                EventEnvelope.of(new StockReplenished(key, 1, 1), null, "corr-" + key, "platform-test"), codec));
    }

    private static long applied(TestPostgres.Database database) {
        return database.queryLong("SELECT count(*) FROM applied_event");
    }

    private static List<String> keys(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
