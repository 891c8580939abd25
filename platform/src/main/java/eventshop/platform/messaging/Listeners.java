package eventshop.platform.messaging;

/**
 * The error strategy every event listener shares, as constants because annotation values must be:
 * <pre>{@code
 * @KafkaListener(groupId = "...", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
 *         errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
 *                 retryCount = Listeners.RETRIES, retryDelay = Listeners.RETRY_DELAY))
 * }</pre>
 * A record whose handler throws (the database is down, a deadlock) is retried with a doubling delay: 200 ms, 400 ms,
 * ... 6.8 min, about 13.6 minutes in all, long enough to ride out a database restart or failover without losing the
 * record, short enough that one partition is not blocked for hours by a record that will never succeed. The partition
 * is paused meanwhile (the consumer keeps polling, so it stays in its group). After the last retry
 * {@link DeadLetteringExceptionHandler} parks the record on the dead-letter topic, from which it can be replayed.
 */
public final class Listeners {

    public static final int RETRIES = 12;
    public static final String RETRY_DELAY = "200ms";

    private Listeners() {
    }
}
