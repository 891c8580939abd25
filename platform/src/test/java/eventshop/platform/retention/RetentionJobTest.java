package eventshop.platform.retention;

import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention job deletes only what is old enough: published outbox rows past their hour, processed-event ids past
 * their week; never an unpublished row, however old. It runs on its own schedule (shortened here).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionJobTest implements TestPropertyProvider {

    private final Map<String, String> properties = new HashMap<>(TestInfrastructure.properties("platform_retention"));
    private final TestPostgres.Database db = TestPostgres.Database.of(properties);

    @Inject
    RetentionJob job;

    @Override
    public Map<String, String> getProperties() {
        properties.put("eventshop.outbox.relay-enabled", "false");
        properties.put("eventshop.retention.interval", "300ms");
        properties.put("eventshop.retention.chunk-size", "2");
        return properties;
    }

    @Test
    void theScheduledJobDeletesOnlyOldPublishedOutboxRowsAndOldProcessedEvents() {
        UUID oldPublished1 = outboxRow("now() - interval '3 hours'", "now() - interval '2 hours'");
        UUID oldPublished2 = outboxRow("now() - interval '3 hours'", "now() - interval '61 minutes'");
        UUID oldPublished3 = outboxRow("now() - interval '3 hours'", "now() - interval '90 minutes'");
        UUID recentlyPublished = outboxRow("now() - interval '3 hours'", "now() - interval '10 minutes'");
        UUID oldUnpublished = outboxRow("now() - interval '30 days'", "NULL");
        UUID oldProcessed1 = processed("now() - interval '8 days'");
        UUID oldProcessed2 = processed("now() - interval '30 days'");
        UUID oldProcessed3 = processed("now() - interval '7 days 1 minute'");
        UUID recentlyProcessed = processed("now() - interval '6 days'");

        await().atMost(Duration.ofSeconds(30)).until(() -> !outboxExists(oldPublished1) && !outboxExists(oldPublished2)
                && !outboxExists(oldPublished3) && !processedExists(oldProcessed1) && !processedExists(oldProcessed2)
                && !processedExists(oldProcessed3));

        assertThat(outboxExists(recentlyPublished)).as("published 10 minutes ago").isTrue();
        assertThat(outboxExists(oldUnpublished)).as("never published: never deleted").isTrue();
        assertThat(processedExists(recentlyProcessed)).as("processed 6 days ago").isTrue();
        assertThat(job.prune(java.time.Instant.now())).as("nothing more to delete")
                .isEqualTo(new RetentionJob.Deleted(0, 0));
    }

    private UUID outboxRow(String createdAt, String publishedAt) {
        UUID eventId = UUID.randomUUID();
        db.execute("INSERT INTO outbox (topic, message_key, event_id, event_type, payload, created_at, published_at) "
                + "VALUES ('t', 'k', ?, 'Test', '{}', " + createdAt + ", " + publishedAt + ")", eventId);
        return eventId;
    }

    private UUID processed(String processedAt) {
        UUID eventId = UUID.randomUUID();
        db.execute("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('retention-test', ?, "
                + processedAt + ")", eventId);
        return eventId;
    }

    private boolean outboxExists(UUID eventId) {
        return db.queryLong("SELECT count(*) FROM outbox WHERE event_id = ?", eventId) > 0;
    }

    private boolean processedExists(UUID eventId) {
        return db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) > 0;
    }
}
