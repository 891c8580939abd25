package eventshop.webui.live;

import eventshop.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Watches every shop topic for the live pages. Each web-ui instance has its own consumer group (so every instance
 * sees every event) starting at the latest offset (a page wants what happens from now on, not history). A poll at a
 * time, like every consumer of the shop; there is no database here, so nothing to retry: each record becomes a live
 * event whatever it holds.
 */
@KafkaListener(groupId = "web-ui-live", uniqueGroupId = true, clientId = LiveEventListener.CLIENT_ID, batch = true,
        offsetReset = OffsetReset.LATEST)
public class LiveEventListener {

    public static final String CLIENT_ID = "web-ui-live";

    private final LiveEvents liveEvents;
    private final LiveHub hub;

    public LiveEventListener(LiveEvents liveEvents, LiveHub hub) {
        this.liveEvents = liveEvents;
        this.hub = hub;
    }

    @Topic(patterns = Topics.ALL_PATTERN)
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(record -> hub.publish(liveEvents.from(record)));
    }
}
