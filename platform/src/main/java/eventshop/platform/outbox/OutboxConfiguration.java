package eventshop.platform.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code eventshop.outbox.*}: how the relay batches and how often it looks for stranded rows. */
@ConfigurationProperties("eventshop.outbox")
public class OutboxConfiguration {

    private boolean relayEnabled = true;
    private int batchSize = 500;
    private Duration pollInterval = Duration.ofMillis(500);
    private Duration linger = Duration.ofMillis(10);
    private Duration ackTimeout = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofSeconds(10);

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * How long the relay waits, once woken by a commit, before it reads the outbox: the commits of that moment join
     * one batch (one transaction, one produce request) instead of one relay cycle each. Adds at most this much to an
     * event's latency; zero publishes at once.
     */
    public Duration getLinger() {
        return linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }

    public Duration getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }
}
