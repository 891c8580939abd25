package eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.benchmark.Results.BrokerLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker's requests per order, from two snapshots of its counters; and what happens when attaching fails. */
class BrokerMetricsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void requestsPerOrderByTypeMostFirstAndTheThreadsBusyShareFromTheirIdleTime() {
        BrokerMetrics.Snapshot before = new BrokerMetrics.Snapshot(0, 1,
                Map.of("Fetch", 1_000L, "Produce", 500L, "Metadata", 7L), 0.0, 1, 0.0, 3);
        // 10 s later: 8 handler-thread-averaged idle seconds of 10 (20 % busy); 3 network threads idle 27 s of 30.
        BrokerMetrics.Snapshot after = new BrokerMetrics.Snapshot(10 * SECOND, 1,
                Map.of("Fetch", 3_060L, "Produce", 720L, "Metadata", 7L, "Heartbeat", 30L), 8.0 * SECOND, 1,
                27.0 * SECOND, 3);

        BrokerLoad load = BrokerMetrics.load(before, after, 200);

        assertThat(load.requestsPerOrderByType()).containsExactly(Map.entry("Fetch", 10.3), Map.entry("Produce", 1.1),
                Map.entry("Heartbeat", 0.15));
        assertThat(load.requestsPerOrder()).isEqualTo(11.55);
        assertThat(load.requestsPerSecond()).isEqualTo(231.0);
        assertThat(load.requestHandlersBusy()).isEqualTo(0.2);
        assertThat(load.networkThreadsBusy()).isEqualTo(0.1);
        assertThat(BrokerMetrics.topTypes(load)).isEqualTo("Fetch 10.3, Produce 1.10, Heartbeat 0.15");
    }

    @Test
    void onANodeThatIsBrokerAndControllerBothHandlerPoolsIdleSharesAddUpInOneMeter() {
        BrokerMetrics.Snapshot before = new BrokerMetrics.Snapshot(0, 1, Map.of("Fetch", 0L), 0.0, 2, null, 0);
        // 10 s: the broker's pool idle 7 s of 10 on average per thread, the controller's 9.9 s: 16.9 s counted.
        BrokerMetrics.Snapshot after = new BrokerMetrics.Snapshot(10 * SECOND, 1, Map.of("Fetch", 100L), 16.9 * SECOND,
                2, null, 0);

        assertThat(BrokerMetrics.load(before, after, 10).requestHandlersBusy()).isEqualTo(0.31);
    }

    @Test
    void nothingIsMeasuredWithoutBothSnapshotsOrWithoutOrders() {
        BrokerMetrics.Snapshot snapshot = new BrokerMetrics.Snapshot(0, 1, Map.of("Fetch", 1L), null, 0, null, 0);

        assertThat(BrokerMetrics.load(null, snapshot, 10)).isNull();
        assertThat(BrokerMetrics.load(snapshot, null, 10)).isNull();
        assertThat(BrokerMetrics.load(snapshot, snapshot, 0)).isNull();
        assertThat(BrokerMetrics.load(snapshot, snapshot, 10).requestHandlersBusy()).isNull();
    }

    @Test
    void aBrokerItCannotAttachToIsReportedInOneLineAndTheRunGoesOnWithoutTheFigure() {
        List<String> lines = new ArrayList<>();
        long noSuchProcess = Long.MAX_VALUE;

        try (BrokerMetrics broker = BrokerMetrics.attach(Map.of("kafka", noSuchProcess, "orders-service", 1L), lines::add)) {
            assertThat(broker.snapshot()).isNull();
        }

        assertThat(lines).singleElement().asString()
                .startsWith("broker requests per order: not measured (cannot attach to kafka, pid " + noSuchProcess);
    }
}
