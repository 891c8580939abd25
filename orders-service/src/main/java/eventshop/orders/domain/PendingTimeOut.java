package eventshop.orders.domain;

import java.time.Duration;

/**
 * The saga time-out's rule: an order inventory has not answered within the configured time is rejected, with a reason
 * that says so. The reason is also how a late inventory answer recognises an order rejected this way.
 */
public final class PendingTimeOut {

    static final String REASON_PREFIX = "Timed out: ";

    private PendingTimeOut() {
    }

    public static String reason(Duration waited) {
        return REASON_PREFIX + "the stock check did not answer within " + describe(waited);
    }

    public static boolean isTimeOut(OrderStatus status, String reason) {
        return status == OrderStatus.REJECTED && reason != null && reason.startsWith(REASON_PREFIX);
    }

    private static String describe(Duration d) {
        if (d.toSecondsPart() == 0 && d.toMillisPart() == 0 && d.toMinutes() > 0) {
            return d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " seconds" : d.toMillis() + " ms";
    }
}
