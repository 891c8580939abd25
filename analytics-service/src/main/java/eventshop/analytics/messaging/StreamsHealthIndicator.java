package eventshop.analytics.messaging;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kafkaStreams} on /health: UP only while the processor is RUNNING. While it starts, rebalances or restores
 * its stores from the changelogs the figures it answers are not current, so the service is not ready.
 */
@Singleton
@Readiness
public class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final KafkaStreams streams;

    public StreamsHealthIndicator(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = streams.state();
        healthStatus = state == KafkaStreams.State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        details.put("threads", streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadState).toList());
        return details;
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
