package eventshop.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** The counters every service keeps about its events, exposed on /prometheus and summarised in the log. */
@Singleton
public class EventMetrics {

    public static final String CONSUMED = "eventshop.events.consumed";
    public static final String PUBLISHED = "eventshop.events.published";
    public static final String DEAD_LETTERED = "eventshop.events.deadlettered";
    public static final String FAILED = "eventshop.events.failed";
    public static final String DUPLICATES = "eventshop.events.duplicates";
    public static final String OUTBOX_PUBLISH_FAILURES = "eventshop.outbox.publish.failures";

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void consumed(String topic, String type) {
        registry.counter(CONSUMED, "topic", topic, "type", type).increment();
    }

    public void published(String topic, String type) {
        registry.counter(PUBLISHED, "topic", topic, "type", type).increment();
    }

    public void deadLettered(String topic) {
        registry.counter(DEAD_LETTERED, "topic", topic).increment();
    }

    public void failed(String topic) {
        registry.counter(FAILED, "topic", topic).increment();
    }

    public void duplicate(String topic, String type) {
        registry.counter(DUPLICATES, "topic", topic, "type", type).increment();
    }

    /** The relay tried to publish a batch and the broker did not acknowledge it (it will try again). */
    public void outboxPublishFailed() {
        registry.counter(OUTBOX_PUBLISH_FAILURES).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
