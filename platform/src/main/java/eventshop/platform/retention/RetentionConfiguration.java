package eventshop.platform.retention;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code eventshop.retention.*}: how long the platform's bookkeeping rows are kept. Processed-event ids must outlive
 * any redelivery or replay that should still be recognised as a duplicate; older replays are caught by the services'
 * own state (an order decided once is not decided again) but are not skipped by id.
 */
@ConfigurationProperties("eventshop.retention")
public class RetentionConfiguration {

    private boolean enabled = true;
    private Duration interval = Duration.ofMinutes(5);
    private Duration publishedOutbox = Duration.ofHours(1);
    private Duration processedEvents = Duration.ofDays(7);
    private int chunkSize = 10_000;

    /** Whether the job runs at all (several instances may all run it: deleting is idempotent). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Time between two runs. */
    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    /** Outbox rows are deleted this long after the broker acknowledged them; unpublished rows are never deleted. */
    public Duration getPublishedOutbox() {
        return publishedOutbox;
    }

    public void setPublishedOutbox(Duration publishedOutbox) {
        this.publishedOutbox = publishedOutbox;
    }

    /** Processed-event ids are deleted this long after the event was applied. */
    public Duration getProcessedEvents() {
        return processedEvents;
    }

    public void setProcessedEvents(Duration processedEvents) {
        this.processedEvents = processedEvents;
    }

    /** Rows deleted per statement (and transaction), so a large backlog never holds long locks. */
    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }
}
