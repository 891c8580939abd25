package eventshop.benchmark;

import eventshop.benchmark.Results.LoadRun;
import eventshop.benchmark.Results.PhaseResult;
import eventshop.benchmark.Results.Process;
import eventshop.benchmark.Results.Ratio;
import eventshop.benchmark.Results.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Merges the load results with benchmark.sh's start-up/RSS table; writes results.json and chart.svg; prints the summary. */
final class Report {

    private Report() {
    }

    static void write(Path loadJson, Path processesTsv, Path outDir) throws Exception {
        LoadRun load = Benchmark.JSON.readValue(loadJson.toFile(), LoadRun.class);
        List<Process> processes = readProcesses(processesTsv);
        Files.createDirectories(outDir);
        Benchmark.JSON.writeValue(outDir.resolve("results.json").toFile(), new Run(load, processes));
        Chart.write(load, outDir.resolve("chart.svg"));
        print(load, processes);
    }

    /** benchmark.sh's table: a header line, then one tab-separated line per process ("-" where nothing was measured). */
    private static List<Process> readProcesses(Path tsv) throws IOException {
        List<Process> processes = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            processes.add(new Process(f[0], number(f[1]), number(f[2]), number(f[3]), number(f[4]), number(f[5]),
                    number(f[6]), number(f[7]), number(f[8]), number(f[9]), f.length > 10 ? f[10] : ""));
        }
        return processes;
    }

    private static Long number(String field) {
        return field.matches("\\d+") ? Long.valueOf(field) : null;
    }

    static String phaseLine(PhaseResult r) {
        String what = r.kind().equals("open")
                ? String.format(Locale.ROOT, "%6.0f/s offered", r.offeredPerSecond())
                : String.format(Locale.ROOT, "closed, %2d clients", r.clients());
        return String.format(Locale.ROOT,
                "  %s: accepted %7.1f/s, confirmed-or-rejected %7.1f/s, click-to-confirmed ms p50 %7.1f p95 %7.1f "
                        + "p99 %7.1f max %7.1f, errors %d%s, unresolved %d, %.1f records and %.1f commits per order, "
                        + "stack CPU %.1f ms per order, %.1f above idle (%.0f orders/s if it had the cores to itself); "
                        + "analytics: %.1f input records/s, %d sales updates, event-to-sales ms p50 %.1f p99 %.1f%s",
                what, r.acceptedPerSecond(), r.resolvedPerSecond(), r.clickToResolvedMs().p50(),
                r.clickToResolvedMs().p95(), r.clickToResolvedMs().p99(), r.clickToResolvedMs().max(), r.errors(),
                r.errorKinds().isEmpty() ? "" : " " + r.errorKinds(), r.unresolved(), r.kafkaRecordsPerOrder(),
                r.dbCommitsPerOrder(), r.stackCpuMsPerOrder(), r.marginalCpuMsPerOrder(), r.ordersPerSecondOnIdleCores(),
                r.streamsRecordsPerSecond(), r.salesUpdates(), r.eventToSalesMs().p50(), r.eventToSalesMs().p99(), r.kind().equals("open") ? (r.sustained() ? "  SUSTAINED" : "  not sustained") : "")
                + stagesLine(r.stagesMs()) + brokerLine(r.broker());
    }

    /** The broker's requests per order by type, and how busy its threads were; nothing if not measured. */
    private static String brokerLine(Results.BrokerLoad broker) {
        if (broker == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%n                    broker requests per order: %s (%s in all, %.0f/s, %s)%s",
                BrokerMetrics.topTypes(broker), BrokerMetrics.number(broker.requestsPerOrder()),
                broker.requestsPerSecond(), broker.brokers() == 1 ? "1 broker" : "summed over " + broker.brokers() + " brokers",
                busy(broker));
    }

    private static String busy(Results.BrokerLoad broker) {
        List<String> parts = new ArrayList<>();
        if (broker.requestHandlersBusy() != null) {
            parts.add(String.format(Locale.ROOT, "request handler threads %.0f %% busy", broker.requestHandlersBusy() * 100));
        }
        if (broker.networkThreadsBusy() != null) {
            parts.add(String.format(Locale.ROOT, "network threads %.0f %% busy", broker.networkThreadsBusy() * 100));
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /** Where the time went, p50 / p99 ms per stage; nothing for a run recorded before the stages were measured. */
    private static String stagesLine(Results.Stages stages) {
        if (stages == null || stages.placedToAnswered().count() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%n                    stages ms p50/p99: accepted to OrderPlaced published %.0f/%.0f, "
                        + "to inventory's answer %.0f/%.0f, to the outcome %.0f/%.0f",
                stages.acceptedToPlaced().p50(), stages.acceptedToPlaced().p99(), stages.placedToAnswered().p50(),
                stages.placedToAnswered().p99(), stages.answeredToOutcome().p50(), stages.answeredToOutcome().p99());
    }

    private static void print(LoadRun load, List<Process> processes) {
        System.out.println();
        System.out.printf(Locale.ROOT, "benchmark of %s on %d CPUs, %.1f GB RAM; load average %s before, %s after; %s%n",
                load.startedAt(), load.machine().cpus(), load.machine().memoryGb(), load.machine().loadAverageBefore(),
                load.machine().loadAverageAfter(), load.machine().java());
        if (!load.machine().note().isBlank()) {
            System.out.println("note: " + load.machine().note());
        }
        System.out.printf(Locale.ROOT, "open loop, %d s per rate (latency from each order's intended send time to its "
                + "OrderConfirmed/OrderRejected on shop.orders):%n", load.settings().seconds());
        load.phases().stream().sorted((a, b) -> Double.compare(a.offeredPerSecond(), b.offeredPerSecond()))
                .forEach(p -> System.out.println(phaseLine(p)));
        System.out.println("closed loop (each client sends its next order when the last was accepted; "
                + "accepted/s is POST /orders alone):");
        System.out.println(phaseLine(load.closedLoop()));
        System.out.println("\nstart-up: process start to /health UP (wall ms; CPU ms the process used by then), back-end "
                + "services started together, then each restarted alone; Micronaut's own \"Startup completed\" in brackets");
        System.out.printf("%-31s %22s %22s %9s %9s %15s%n", "process", "together ms (CPU ms)", "alone ms (CPU ms)",
                "RSS MB", "RSS after", "RSS after load");
        System.out.printf("%-31s %22s %22s %9s %9s %15s%n", "", "", "", "at start", "alone", "");
        for (Process p : processes) {
            System.out.printf("%-31s %22s %22s %9s %9s %15s%n", p.name(),
                    dash(p.startupTogetherMs()) + " (" + dash(p.startupCpuTogetherMs()) + ") [" + dash(p.micronautStartupTogetherMs()) + "]",
                    dash(p.startupAloneMs()) + " (" + dash(p.startupCpuAloneMs()) + ") [" + dash(p.micronautStartupAloneMs()) + "]",
                    dash(p.rssBeforeMb()), dash(p.rssAloneMb()), dash(p.rssAfterLoadMb()));
        }
        processes.stream().filter(p -> !p.jvmFlags().isBlank()).findFirst()
                .ifPresent(p -> System.out.println("service JVM flags: " + p.jvmFlags()));
        System.out.println();
        for (PhaseResult p : load.phases()) {
            if (p.sustained() && p.offeredPerSecond() == (load.maxSustainedPerSecond() == null ? -1 : load.maxSustainedPerSecond())) {
                System.out.printf(Locale.ROOT, "CPU per order at max sustained: %s ms (stack %.1f ms per order, load generator %.1f)%n",
                        p.cpuMs(), p.stackCpuMsPerOrder(), p.generatorCpuMsPerOrder());
            }
        }
        System.out.printf(Locale.ROOT, "CPU in the closed loop: %s ms (stack %.1f ms per order, %.1f above its idle %.0f ms/s; "
                + "load generator %.1f; %.0f orders/s if the stack had the %d cores to itself)%n", load.closedLoop().cpuMs(),
                load.closedLoop().stackCpuMsPerOrder(), load.closedLoop().marginalCpuMsPerOrder(),
                load.idleStackCpuMsPerSecond(), load.closedLoop().generatorCpuMsPerOrder(),
                load.closedLoop().ordersPerSecondOnIdleCores(), load.machine().cpus());
        System.out.printf(Locale.ROOT, "stream processing in the closed loop: %.1f input records/s consumed by the "
                + "analytics service, %d shop.sales updates, event to visible sales figure ms p50 %.1f p95 %.1f p99 "
                + "%.1f max %.1f%n", load.closedLoop().streamsRecordsPerSecond(), load.closedLoop().salesUpdates(),
                load.closedLoop().eventToSalesMs().p50(), load.closedLoop().eventToSalesMs().p95(),
                load.closedLoop().eventToSalesMs().p99(), load.closedLoop().eventToSalesMs().max());
        if (load.maxSustainedPerSecond() == null) {
            System.out.println("max sustained: none of the offered rates was sustained");
        } else {
            System.out.printf(Locale.ROOT, "max sustained: %.0f orders/s end to end (%d s with 0 errors and every order "
                    + "CONFIRMED or REJECTED within %d s)%n", load.maxSustainedPerSecond(), load.settings().seconds(),
                    load.settings().graceSeconds());
        }
        if (load.kafkaCeiling() != null) {
            System.out.printf(Locale.ROOT, "ceiling, broker: %.0f records/s (Kafka's ProducerPerformance, %d records of %d B, %s)%n",
                    load.kafkaCeiling().recordsPerSecond(), load.kafkaCeiling().records(), load.kafkaCeiling().recordSize(),
                    String.join(" ", load.kafkaCeiling().producerSettings()));
        } else {
            System.out.println("ceiling, broker: not measured (ProducerPerformance failed; see the output above)");
        }
        if (load.postgresCeiling() != null) {
            System.out.printf(Locale.ROOT, "ceiling, PostgreSQL: %.0f commits/s (pgbench, %d clients, %d s, one insert per transaction)%n",
                    load.postgresCeiling().commitsPerSecond(), load.postgresCeiling().clients(), load.postgresCeiling().seconds());
        } else {
            System.out.println("ceiling, PostgreSQL: not measured (pgbench failed; see the output above)");
        }
        for (Ratio r : load.ratios()) {
            System.out.printf(Locale.ROOT, "shop / ceiling: %s: %.1f / %.1f = %.2f %%%n", r.what(), r.shop(), r.ceiling(),
                    r.ratio() * 100);
        }
    }

    private static String dash(Long value) {
        return value == null ? "-" : value.toString();
    }
}
