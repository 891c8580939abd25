package eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.benchmark.Results.LoadRun;
import eventshop.benchmark.Results.PhaseResult;
import eventshop.benchmark.Results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report half of the benchmark, without a stack: latency from intended send time, JSON round trip, the chart. */
class ReportTest {

    @TempDir
    Path dir;

    @Test
    void latencyIsChargedFromTheIntendedSendTimeNotFromWhenTheOrderWasAccepted() {
        Phase phase = new Phase("open", 10, 1);
        long intended = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(800);   // sent late: held back 800 ms
        phase.accepted("order-1", intended);
        phase.resolved("order-1", Outcomes.CONFIRMED, intended + TimeUnit.MILLISECONDS.toNanos(900), null);
        phase.resolved("order-1", Outcomes.CONFIRMED, intended + TimeUnit.MILLISECONDS.toNanos(950), null);   // a redelivery

        assertThat(phase.resolveLatency.getTotalCount()).isEqualTo(1);
        assertThat(phase.resolveLatency.getMaxValue()).isBetween(899_000L, 901_000L);
        assertThat(phase.acceptLatency.getMinValue()).isGreaterThanOrEqualTo(799_000L);   // 3 significant digits
        assertThat(phase.confirmed.get()).isEqualTo(1);
        assertThat(phase.pending).isEmpty();
    }

    @Test
    void eachStageOfAnOrdersWayIsTimedFromTheRecordsPublishTimes() {
        Phase phase = new Phase("open", 10, 1);
        phase.accepted("order-2", System.nanoTime());
        long placed = System.currentTimeMillis() + 30;
        phase.resolved("order-2", Outcomes.CONFIRMED, System.nanoTime(),
                new Outcomes.Hops(placed, placed + 200, placed + 1200));

        assertThat(phase.acceptedToPlaced.getMaxValue()).isBetween(1_000L, 200_000L);
        assertThat(phase.placedToAnswered.getMaxValue()).isBetween(199_000L, 201_000L);
        assertThat(phase.answeredToOutcome.getMaxValue()).isBetween(999_000L, 1_001_000L);
    }

    @Test
    void writesResultsJsonAndAWellFormedChartFromTheLoadResultsAndTheProcessTable() throws Exception {
        LoadRun load = new LoadRun("2026-12-02T08:00:00Z",
                new Results.Machine(2, 23.5, "1.0 1.0 1.0", "2.0 2.0 2.0", "OpenJDK 17", "test"),
                new Results.Settings(List.of(50.0, 100.0), 60, 20, 16, 30, 64, 5, 1, false), 120.5,
                List.of(phase("open", 50, true, 12), phase("open", 100, false, 900)), 50.0,
                phase("closed", 0, false, 400),
                new Ceilings.KafkaCeiling("ProducerPerformance", 1_000_000, 300, Ceilings.RELAY_PRODUCER, 95_000, 27, 5),
                new Ceilings.PostgresCeiling("pgbench", "INSERT", 8, 15, 13_700), List.of());
        Path loadJson = dir.resolve("load.json");
        Benchmark.JSON.writeValue(loadJson.toFile(), load);
        Path table = dir.resolve("processes.tsv");
        Files.writeString(table, "process\ttogether_ms\talone_ms\tmicronaut_together_ms\tmicronaut_alone_ms\t"
                + "cpu_together_ms\tcpu_alone_ms\trss_start_mb\trss_after_load_mb\trss_alone_mb\tjvm_flags\n"
                + "kafka\t-\t-\t-\t-\t-\t-\t220\t260\t-\t\n"
                + "orders-service\t2400\t2100\t1800\t1600\t2500\t2300\t170\t190\t168\t-Xmx192m\n");

        Report.write(loadJson, table, dir);

        Run run = Benchmark.JSON.readValue(dir.resolve("results.json").toFile(), Run.class);
        assertThat(run.load().maxSustainedPerSecond()).isEqualTo(50.0);
        assertThat(run.processes()).extracting(Results.Process::name).containsExactly("kafka", "orders-service");
        assertThat(run.processes().get(0).startupAloneMs()).isNull();
        assertThat(run.processes().get(1).startupCpuAloneMs()).isEqualTo(2300);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("chart.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(6);   // 4 percentiles + 2 throughputs
    }

    private static PhaseResult phase(String kind, double rate, boolean sustained, double p99) {
        Results.Latency latency = new Results.Latency(100, p99 / 3, p99 / 1.5, p99, p99 * 1.2, p99 * 1.5, p99 / 2);
        return new PhaseResult(kind, rate, 64, 60, 3000, 3000, 3000, 0, Map.of(), 3000, 0, 0, rate, rate * 0.99,
                latency, latency, 15_000, 33_000, 5, 11, Map.of("orders-service", 1000L), 60, 20, 5, 100, 1_500, latency, 40,
                5, sustained, new Results.Stages(latency, latency, latency), null);
    }
}
