package eventshop.orders.service;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code eventshop.orders.saga.*}: how long an order may wait for inventory's answer, and how often that is checked. */
@ConfigurationProperties("eventshop.orders.saga")
public class SagaTimeOutSettings {

    private Duration pendingTimeout = Duration.ofMinutes(2);
    private Duration checkInterval = Duration.ofSeconds(10);
    private int batchSize = 100;

    /** An order still PENDING this long after it was placed is rejected as timed out. */
    public Duration getPendingTimeout() {
        return pendingTimeout;
    }

    public void setPendingTimeout(Duration pendingTimeout) {
        this.pendingTimeout = pendingTimeout;
    }

    /** How often each instance looks for overdue orders (property {@code check-interval}, read by the scheduler). */
    public Duration getCheckInterval() {
        return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    /** How many overdue orders one transaction rejects at most. */
    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
