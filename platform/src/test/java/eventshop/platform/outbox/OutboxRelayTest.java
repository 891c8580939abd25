package eventshop.platform.outbox;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.StockReplenished;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayTest implements TestPropertyProvider {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository repository;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    EventCodec codec;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties("platform_outbox");
    }

    @Test
    void aCommittedEventIsPublishedWithItsHeadersAndMarkedSent() throws Exception {
        EventEnvelope event = EventEnvelope.of(new StockReplenished("SKU-" + System.nanoTime(), 5, 12), null,
                "corr-outbox", "platform-test");
        try (KafkaTestClient client = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher watcher = client.watch(List.of(Topics.INVENTORY))) {

            transactions.executeWrite(status -> {
                outbox.append(Topics.INVENTORY, "the-key", event);
                return null;
            });

            ConsumerRecord<String, byte[]> record = await().until(() -> watcher.records().stream()
                    .filter(r -> event.eventId().toString().equals(header(r, EventHeaders.EVENT_ID)))
                    .findFirst().orElse(null), r -> r != null);
            assertThat(record.key()).isEqualTo("the-key");
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("StockReplenished");
            assertThat(header(record, EventHeaders.CORRELATION_ID)).isEqualTo("corr-outbox");
            assertThat(codec.decode(record.value())).isEqualTo(event);
            await().until(() -> repository.countUnpublished() == 0);
        }
    }

    @Test
    void aCorrelationIdThatIsNotAPlainShortIdIsReplacedNotAllowedToFailTheTransaction() {
        String foreign = "x".repeat(150) + "\nINFO forged log line";

        EventEnvelope appended = transactions.executeWrite(status -> outbox.append(Topics.INVENTORY, "k",
                new StockReplenished("SKU-CID", 1, 1), null, foreign));

        assertThat(appended.correlationId()).isNotEqualTo(foreign).matches("[0-9a-f-]{36}");
        boolean stored = transactions.executeRead(status -> stored(status.getConnection(), appended.eventId()));
        assertThat(stored).isTrue();
        EventEnvelope plain = transactions.executeWrite(status -> outbox.append(Topics.INVENTORY, "k",
                new StockReplenished("SKU-CID", 1, 2), null, "req-42"));
        assertThat(plain.correlationId()).isEqualTo("req-42");
        await().until(() -> repository.countUnpublished() == 0); // published, as other tests here expect
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        EventEnvelope event = EventEnvelope.of(new StockReplenished("SKU-RB", 1, 1), null, "corr-rb", "platform-test");

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.append(Topics.INVENTORY, "k", event);
            throw new IllegalStateException("business rule failed after the append");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.countUnpublished()).isZero();
        boolean stored = transactions.executeRead(status -> stored(status.getConnection(), event.eventId()));
        assertThat(stored).isFalse();
    }

    @Test
    void theEventsOfOneTransactionAreWrittenTogetherInAppendOrderAndLeaveInThatOrder() throws Exception {
        String key = "batch-" + System.nanoTime();
        List<EventEnvelope> events = java.util.stream.IntStream.range(0, 300).mapToObj(i -> EventEnvelope.of(
                new StockReplenished(key, i, i), null, "corr-batch", "platform-test")).toList();
        try (KafkaTestClient client = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher watcher = client.watch(List.of(Topics.INVENTORY))) {
            long started = System.nanoTime();
            transactions.executeWrite(status -> {
                events.forEach(event -> outbox.append(Topics.INVENTORY, key, event));
                // not written yet: the rows go in one JDBC batch just before the commit
                assertThat(stored(status.getConnection(), events.get(0).eventId())).isFalse();
                return null;
            });
            long committed = System.nanoTime();

            await().until(() -> watcher.records().stream().filter(r -> key.equals(r.key())).count() == events.size());
            long published = System.nanoTime();
            System.out.printf("OutboxRelayTest: %d events appended and committed in %.1f ms, on the broker %.1f ms "
                    + "later%n", events.size(), (committed - started) / 1e6, (published - committed) / 1e6);
            assertThat(watcher.records().stream().filter(r -> key.equals(r.key()))
                    .map(r -> header(r, EventHeaders.EVENT_ID)).toList())
                    .as("one key's events leave in the order they were appended")
                    .containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        }
        await().until(() -> repository.countUnpublished() == 0);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        EventEnvelope event = EventEnvelope.of(new StockReplenished("SKU-NT", 1, 1), null, "c", "platform-test");

        assertThatThrownBy(() -> outbox.append(Topics.INVENTORY, "k", event))
                .hasMessageContaining("transaction");
    }

    /** Read with plain SQL on the given connection, so a test sees what that transaction sees. */
    private static boolean stored(Connection connection, UUID eventId) {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM outbox WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
