package eventshop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What the shop cost its broker and database during a phase: records appended to the shop's topics (their end offsets)
 * and transactions committed in the shop's databases ({@code pg_stat_database.xact_commit}, which PostgreSQL flushes
 * about once a second, so a phase's figure is good to about a second's worth).
 */
final class Counters implements AutoCloseable {

    private final Admin admin;
    private final String jdbcUrl;
    private final Properties jdbcProps;
    private final List<String> databases;
    private final String streamsApplicationId;

    Counters(Admin admin, String jdbcUrl, Properties jdbcProps, List<String> databases, String streamsApplicationId) {
        this.admin = admin;
        this.jdbcUrl = jdbcUrl;
        this.jdbcProps = jdbcProps;
        this.databases = databases;
        this.streamsApplicationId = streamsApplicationId;
    }

    static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    Admin kafkaAdmin() {
        return admin;
    }

    /** {@code streamsConsumed}: input records the stream processor committed as processed. */
    record Snapshot(long records, long commits, long streamsConsumed) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(records - before.records, commits - before.commits,
                    streamsConsumed - before.streamsConsumed);
        }
    }

    Snapshot snapshot() throws Exception {
        return new Snapshot(shopRecords(), commits(), streamsConsumed());
    }

    /** The stream processor's committed offsets on the shop's topics it reads (its internal topics left out). */
    private long streamsConsumed() throws InterruptedException, ExecutionException, TimeoutException {
        return committedOffsets(admin, streamsApplicationId, topic -> topic.startsWith("shop."));
    }

    /** The sum of a consumer group's committed offsets on the topics named so: records it committed as processed. */
    static long committedOffsets(Admin admin, String group, Predicate<String> named)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).entrySet().stream()
                .filter(e -> named.test(e.getKey().topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private long shopRecords() throws InterruptedException, ExecutionException, TimeoutException {
        return endOffsets(admin, topic -> topic.startsWith("shop."));
    }

    /** The sum of the end offsets of every partition of the topics named so: records appended to them so far. */
    static long endOffsets(Admin admin, Predicate<String> named)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(named).toList();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    private long commits() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcProps);
             PreparedStatement s = c.prepareStatement(
                     "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE datname = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
