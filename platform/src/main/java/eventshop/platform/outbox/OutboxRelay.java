package eventshop.platform.outbox;

import eventshop.platform.observability.EventMetrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The relay's own thread: it wakes right after a transaction that appended to the outbox commits (low latency), and
 * at least every poll interval (nothing stranded, e.g. rows written while the broker was down or by another instance).
 * When publishing fails it backs off exponentially up to {@code eventshop.outbox.max-backoff}.
 */
@Context
@Requires(property = "eventshop.outbox.relay-enabled", notEquals = "false")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxBatchPublisher publisher;
    private final OutboxConfiguration configuration;
    private final EventMetrics metrics;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public OutboxRelay(OutboxBatchPublisher publisher, OutboxConfiguration configuration, EventMetrics metrics) {
        this.publisher = publisher;
        this.configuration = configuration;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "outbox-relay");
        this.thread.setDaemon(true);
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (!thread.isAlive()) {
            thread.start();
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(Outbox.Appended appended) {
        wakeUp.release();
    }

    /** Publishes everything pending now, on the caller's thread (tests, shutdown). */
    public void drain() {
        try {
            while (publisher.publishNextBatch() > 0) {
                // keep going until the outbox is empty
            }
        } catch (Exception e) {
            LOG.warn("Outbox drain stopped: {}", e.toString());
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                Duration wait = backoff.isZero() ? configuration.getPollInterval() : backoff;
                if (wakeUp.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) && !configuration.getLinger().isZero()) {
                    TimeUnit.MILLISECONDS.sleep(configuration.getLinger().toMillis());
                }
                wakeUp.drainPermits();
                if (!running) {
                    break;
                }
                while (running && publisher.publishNextBatch() > 0) {
                    // a full batch may mean more is waiting
                }
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                metrics.outboxPublishFailed();
                backoff = nextBackoff(backoff);
                LOG.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? configuration.getPollInterval() : current.multipliedBy(2);
        return next.compareTo(configuration.getMaxBackoff()) > 0 ? configuration.getMaxBackoff() : next;
    }

    /** Graceful shutdown: stop the loop, then publish what is pending while the producer and database are still up. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        wakeUp.release();
        thread.join(configuration.getAckTimeout().toMillis());
        drain();
    }
}
