package eventshop.platform.outbox;

import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.StockReplenished;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown flushes the relay: an event still in the outbox when the service stops is published while the
 * producer and the database are still open, and marked sent. Here the relay's thread never runs (no HTTP server, so no
 * start-up event; and an hour between polls), so only the shutdown drain can publish it: the test fails if the drain
 * is missing or runs after the Kafka producer or the data source was closed.
 */
class OutboxShutdownTest {

    @Test
    void closingTheContextPublishesWhatIsStillInTheOutbox() throws Exception {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.properties("platform_shutdown"));
        properties.put("eventshop.outbox.poll-interval", "1h");
        TestPostgres.Database database = TestPostgres.Database.of(properties);
        EventEnvelope event = EventEnvelope.of(new StockReplenished("SKU-SHUTDOWN", 2, 7), null, "corr-shutdown",
                "platform-test");

        try (KafkaTestClient client = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher watcher = client.watch(List.of(Topics.INVENTORY))) {
            ApplicationContext context = ApplicationContext.builder().properties(new HashMap<>(properties))
                    .environments("test").start();
            try {
                TransactionOperations<Connection> transactions = context.getBean(
                        Argument.of(TransactionOperations.class, Connection.class));
                transactions.executeWrite(status -> {
                    context.getBean(Outbox.class).append(Topics.INVENTORY, "shutdown-key", event);
                    return null;
                });
                assertThat(database.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL"))
                        .as("nothing publishes before the shutdown").isEqualTo(1);
            } finally {
                context.close();
            }

            assertThat(database.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL"))
                    .as("marked sent during the shutdown").isZero();
            await().atMost(Duration.ofSeconds(20)).until(() -> watcher.records().stream()
                    .anyMatch(r -> event.eventId().toString().equals(header(r, EventHeaders.EVENT_ID))));
        }
    }
}
