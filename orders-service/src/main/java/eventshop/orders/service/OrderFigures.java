package eventshop.orders.service;

import eventshop.orders.domain.OrderStatus;
import eventshop.platform.observability.Rate;
import eventshop.platform.observability.SummaryContributor;
import eventshop.platform.observability.SummaryLine;
import jakarta.inject.Singleton;

/**
 * The business on the periodic summary line: orders placed (and per minute), how many inventory could serve, how
 * many were cancelled; {@code confirmed_rate} is confirmed among those inventory decided.
 */
@Singleton
public class OrderFigures implements SummaryContributor {

    private final OrderMetrics metrics;
    private final Rate placedRate = new Rate();

    public OrderFigures(OrderMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void contribute(SummaryLine line) {
        double placed = metrics.count(OrderStatus.PENDING);
        double confirmed = metrics.count(OrderStatus.CONFIRMED);
        double rejected = metrics.count(OrderStatus.REJECTED);
        line.count("placed", placed).rate("placed_per_min", placedRate.perMinute(placed))
                .count("confirmed", confirmed).count("rejected", rejected)
                .count("cancelled", metrics.count(OrderStatus.CANCELLED))
                .percent("confirmed_rate", confirmed, confirmed + rejected);
    }
}
