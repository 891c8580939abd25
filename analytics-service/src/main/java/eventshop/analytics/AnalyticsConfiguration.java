package eventshop.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code eventshop.analytics.*}: the stream processor's settings (documented in documentation/configuration.md). */
@ConfigurationProperties("eventshop.analytics")
public class AnalyticsConfiguration {

    /** Kafka Streams' application.id: the consumer group, the prefix of internal topics and transactional ids. */
    @NotBlank
    private String applicationId = "analytics-service";

    /** Where Kafka Streams keeps its lock and checkpoint files (the stores themselves are in memory). */
    @NotBlank
    private String stateDir = System.getProperty("java.io.tmpdir") + "/eventshop-analytics";

    /** How late (by event time) an event may arrive and still count in its one-minute window. */
    @NotNull
    private Duration grace = Duration.ofMinutes(5);

    /** How long one-minute windows stay queryable, e.g. by GET /sales/timeline. */
    @NotNull
    private Duration windowRetention = Duration.ofHours(24);

    /** How long an event id is remembered to recognise a redelivery or replay of the same event. */
    @NotNull
    private Duration dedupeRetention = Duration.ofDays(7);

    /** How many best sellers the shop-wide figures list. */
    @Min(1)
    private int topProducts = 5;

    /** How often Kafka Streams commits its transaction: the latency of shop.sales under exactly-once. */
    @NotNull
    private Duration commitInterval = Duration.ofSeconds(1);

    /** How long a stop waits for the stream threads to finish and commit. */
    @NotNull
    private Duration closeTimeout = Duration.ofSeconds(20);

    /** Stream threads of this instance (each runs some of the tasks, one per input partition). */
    @Min(1)
    private int threads = 1;

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public String getStateDir() {
        return stateDir;
    }

    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }

    public Duration getWindowRetention() {
        return windowRetention;
    }

    public void setWindowRetention(Duration windowRetention) {
        this.windowRetention = windowRetention;
    }

    public Duration getDedupeRetention() {
        return dedupeRetention;
    }

    public void setDedupeRetention(Duration dedupeRetention) {
        this.dedupeRetention = dedupeRetention;
    }

    public int getTopProducts() {
        return topProducts;
    }

    public void setTopProducts(int topProducts) {
        this.topProducts = topProducts;
    }

    public Duration getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
        this.commitInterval = commitInterval;
    }

    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }
}
