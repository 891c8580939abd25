package eventshop.platform.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.runtime.ApplicationConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsSummaryLoggerTest {

    private static final ApplicationConfiguration SERVICE = new ApplicationConfiguration();

    static {
        SERVICE.setName("svc");
    }

    @Test
    void oneLineWithTheEventThroughputFirstThenEachServicesFigures() {
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        metrics.consumed("shop.orders", "OrderPlaced");
        metrics.consumed("shop.orders", "OrderPlaced");
        metrics.consumed("shop.inventory", "StockReserved");
        metrics.published("shop.inventory", "StockReserved");
        metrics.deadLettered("shop.orders");
        SummaryContributor service = line -> line.count("reservations", 7).percent("confirmed_rate", 1, 4);

        MetricsSummaryLogger logger = new MetricsSummaryLogger(List.of(service, new EventThroughput(metrics)), SERVICE);

        assertThat(logger.summary()).matches("metrics service=svc events_in=3 events_out=1 failed=1 "
                + "in_per_s=\\d+\\.\\d\\d out_per_s=\\d+\\.\\d\\d success_rate=75\\.0% reservations=7 "
                + "confirmed_rate=25\\.0%");
    }

    @Test
    void ratesCoverOnlyWhatHappenedSinceThePreviousLine() {
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        MetricsSummaryLogger logger = new MetricsSummaryLogger(List.of(new EventThroughput(metrics)), SERVICE);
        metrics.consumed("shop.orders", "OrderPlaced");
        assertThat(logger.summary()).doesNotContain("in_per_s=0.00");

        assertThat(logger.summary()).contains("events_in=1", "in_per_s=0.00", "success_rate=100.0%");
    }
}
