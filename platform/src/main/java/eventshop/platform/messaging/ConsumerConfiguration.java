package eventshop.platform.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code eventshop.consumers.*}: how every event listener rides out a transient failure. The listeners' error strategy
 * reads {@code retry-delay} through {@link Listeners#RETRY_DELAY}; this class is its documented home and default.
 */
@ConfigurationProperties("eventshop.consumers")
public class ConsumerConfiguration {

    private Duration retryDelay = Duration.ofSeconds(1);
    private int degradedAfterFailures = 2;

    /** How long a failed poll's partitions stay paused before the whole poll is tried again. */
    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    /** Consecutive failed attempts after which /health reports the consumer DEGRADED (1 = at the first failure). */
    public int getDegradedAfterFailures() {
        return degradedAfterFailures;
    }

    public void setDegradedAfterFailures(int degradedAfterFailures) {
        this.degradedAfterFailures = degradedAfterFailures;
    }
}
