package eventshop.audit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How far the journal is behind the topics: the sum over the group's partitions of (end offset - committed offset),
 * read with the Admin API, so it counts what is journaled and committed, not merely fetched. Gauge
 * {@code eventshop.audit.consumer.lag}; -1 until first measured or when the broker cannot be asked.
 */
@Singleton
public class ConsumerLagMonitor {

    public static final String LAG = "eventshop.audit.consumer.lag";
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagMonitor.class);

    private final AdminClient admin;
    private final String group;
    private final AtomicLong lag = new AtomicLong(-1);

    public ConsumerLagMonitor(AdminClient admin, MeterRegistry registry, Environment environment) {
        this.admin = admin;
        this.group = environment.getProperty(JournalListener.GROUP_SETTING, String.class, JournalListener.GROUP);
        registry.gauge(LAG, Tags.of("group", group), lag);
    }

    public long lag() {
        return lag.get();
    }

    @Scheduled(fixedDelay = "${eventshop.audit.lag-interval:15s}", initialDelay = "${eventshop.audit.lag-interval:15s}")
    void measure() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            lag.set(committed.entrySet().stream()
                    .filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset()))
                    .sum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lag.set(-1);
            LOG.warn("Could not measure the consumer lag of group {}: {}", group, e.toString());
        }
    }
}
