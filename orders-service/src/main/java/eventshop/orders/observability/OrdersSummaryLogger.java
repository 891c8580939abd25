package eventshop.orders.observability;

import eventshop.orders.domain.OrderStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * One line per interval about the business: orders per minute and how many inventory could serve. Kept apart from
 * the platform's event-throughput line so each answers one question.
 */
@Singleton
public class OrdersSummaryLogger {

    private static final Logger LOG = LoggerFactory.getLogger("eventshop.metrics.orders");

    private final OrderMetrics metrics;
    private double lastPlaced;
    private long lastAt = System.nanoTime();

    public OrdersSummaryLogger(OrderMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${eventshop.orders.summary-interval:30s}",
            initialDelay = "${eventshop.orders.summary-interval:30s}")
    void log() {
        LOG.info(summary());
    }

    synchronized String summary() {
        double placed = metrics.count(OrderStatus.PENDING);
        double confirmed = metrics.count(OrderStatus.CONFIRMED);
        double rejected = metrics.count(OrderStatus.REJECTED);
        long now = System.nanoTime();
        double minutes = Math.max(1e-6, (now - lastAt) / 60e9);
        double perMinute = (placed - lastPlaced) / minutes;
        lastPlaced = placed;
        lastAt = now;
        double decided = confirmed + rejected;
        double successRate = decided == 0 ? 100.0 : 100.0 * confirmed / decided;
        return String.format(Locale.ROOT, "orders placed=%.0f per_min=%.1f confirmed=%.0f rejected=%.0f "
                        + "cancelled=%.0f success_rate=%.1f%%", placed, perMinute, confirmed, rejected,
                metrics.count(OrderStatus.CANCELLED), successRate);
    }
}
