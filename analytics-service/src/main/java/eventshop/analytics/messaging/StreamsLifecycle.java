package eventshop.analytics.messaging;

import eventshop.analytics.AnalyticsConfiguration;
import eventshop.platform.kafka.TopicInitializer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Starts the stream processor once the application is up and closes it on shutdown: the stream threads finish the
 * record in hand and commit their transaction, so a restart resumes exactly where this run stopped.
 */
@Context
@Requires(property = "eventshop.analytics.start", notEquals = "false")
public class StreamsLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final KafkaStreams streams;
    private final AnalyticsConfiguration configuration;
    private final Optional<TopicInitializer> topics;

    StreamsLifecycle(KafkaStreams streams, AnalyticsConfiguration configuration, Optional<TopicInitializer> topics) {
        this.streams = streams;
        this.configuration = configuration;
        this.topics = topics;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        // The source topics must exist before Kafka Streams looks for them, and shop.sales before it writes.
        topics.ifPresent(TopicInitializer::ensureTopics);
        streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
        streams.start();
    }

    @PreDestroy
    void close() {
        LOG.info("Closing Kafka Streams (waiting up to {})", configuration.getCloseTimeout());
        if (!streams.close(configuration.getCloseTimeout())) {
            LOG.warn("Kafka Streams did not close within {}", configuration.getCloseTimeout());
        }
    }
}
