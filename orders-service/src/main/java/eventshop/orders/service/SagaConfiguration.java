package eventshop.orders.service;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code eventshop.orders.saga.*}: how long an order may wait for inventory's answer. How often that is checked,
 * {@code check-interval}, is read by {@link PendingOrderTimeOuts}'s schedule, where its default is.
 */
@ConfigurationProperties("eventshop.orders.saga")
public class SagaConfiguration {

    private Duration pendingTimeout = Duration.ofMinutes(2);
    private int batchSize = 100;

    /** An order still PENDING this long after it was placed is rejected as timed out. */
    public Duration getPendingTimeout() {
        return pendingTimeout;
    }

    public void setPendingTimeout(Duration pendingTimeout) {
        this.pendingTimeout = pendingTimeout;
    }

    /** How many overdue orders one transaction rejects at most. */
    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
