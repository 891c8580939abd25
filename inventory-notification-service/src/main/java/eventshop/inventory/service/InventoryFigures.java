package eventshop.inventory.service;

import eventshop.platform.observability.SummaryContributor;
import eventshop.platform.observability.SummaryLine;
import jakarta.inject.Singleton;

/** The business side of the periodic summary line, after the platform's event throughput. */
@Singleton
public class InventoryFigures implements SummaryContributor {

    private final InventoryMetrics metrics;

    public InventoryFigures(InventoryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void contribute(SummaryLine line) {
        line.count("reservations", metrics.count(StockOutcome.RESERVED))
                .count("rejections", metrics.count(StockOutcome.REJECTED))
                .count("releases", metrics.count(StockOutcome.RELEASED));
    }
}
