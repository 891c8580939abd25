package eventshop.platform.kafka;

import eventshop.events.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings a created topic gets: compaction from its spec, min.insync.replicas from the replication factor. */
class TopicConfigsTest {

    private static final Topics.Spec PLAIN = new Topics.Spec("shop.plain", 3, false, List.of());
    private static final Topics.Spec COMPACTED = new Topics.Spec("shop.compacted", 3, true, List.of());

    @Test
    void oneBrokerGetsNoInSyncRequirement() {
        assertThat(TopicInitializer.topicConfigs(PLAIN, 1)).isEmpty();
        assertThat(TopicInitializer.topicConfigs(COMPACTED, 1)).isEqualTo(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void threeReplicasNeedTwoInSyncSoOneBrokerMayFail() {
        assertThat(TopicInitializer.topicConfigs(PLAIN, 3)).isEqualTo(Map.of("min.insync.replicas", "2"));
        assertThat(TopicInitializer.topicConfigs(COMPACTED, 3))
                .isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
        assertThat(TopicInitializer.topicConfigs(PLAIN, 2)).isEqualTo(Map.of("min.insync.replicas", "1"));
    }
}
