package eventshop.benchmark;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What a run measured, as written to (and read back from) its JSON file by Jackson. */
final class Results {

    private Results() {
    }

    /** Milliseconds, from a histogram of microseconds. */
    record Latency(long count, double p50, double p95, double p99, double p999, double max, double mean) {
        static Latency of(Histogram micros) {
            return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), ms(micros.getMean()));
        }

        private static double ms(double micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }

    /**
     * One phase. {@code cpuMs}: CPU time each part of the stack spent from the phase's start until its last outcome;
     * {@code stackCpuMsPerOrder}: the JVMs' and the shop's PostgreSQL backends' share per resolved order;
     * {@code marginalCpuMsPerOrder}: the same less what the stack spends idle (measured before the phases) over the
     * phase's time: what one more order costs; {@code ordersPerSecondOnIdleCores}: what that marginal cost allows if the shop had every core to itself (an upper bound:
     * CPU is then the only limit). {@code offeredPerSecond} is 0 for the closed loop. {@code sustained}: no error, and every order
     * accepted and CONFIRMED or REJECTED within {@code graceSeconds} after the last one was due.
     */
    record PhaseResult(String kind, double offeredPerSecond, int clients, int seconds, long scheduled, long sent,
                       long accepted, long errors, Map<String, Integer> errorKinds, long confirmed, long rejected,
                       long unresolved, double acceptedPerSecond, double resolvedPerSecond,
                       Latency acceptLatencyMs, Latency clickToResolvedMs, long kafkaRecords, long dbCommits,
                       double kafkaRecordsPerOrder, double dbCommitsPerOrder, Map<String, Long> cpuMs,
                       double stackCpuMsPerOrder, double marginalCpuMsPerOrder, double generatorCpuMsPerOrder, double ordersPerSecondOnIdleCores,
                       long salesUpdates, Latency eventToSalesMs, double streamsRecordsPerSecond,
                       int graceSeconds, boolean sustained, Stages stagesMs, BrokerLoad broker) {
    }

    /**
     * The broker's requests during a phase ({@link BrokerMetrics}; null when not measured): per resolved order, in all
     * and by request type (most first), per second in all, and the share of time its request handler threads and its
     * network threads (the client listeners') were busy, 0 to 1 (null if the broker has no such metric). Summed over
     * {@code brokers} brokers.
     */
    record BrokerLoad(int brokers, double requestsPerOrder, double requestsPerSecond,
                      Map<String, Double> requestsPerOrderByType, Double requestHandlersBusy, Double networkThreadsBusy) {
    }

    /** Where an order's time went, stage by stage ({@link Phase#acceptedToPlaced} and the two after it). */
    record Stages(Latency acceptedToPlaced, Latency placedToAnswered, Latency answeredToOutcome) {
    }

    record Machine(int cpus, double memoryGb, String loadAverageBefore, String loadAverageAfter, String java,
                   String note) {
    }

    record Settings(List<Double> rates, int seconds, int warmupSeconds, int closedLoopClients, int closedLoopSeconds,
                    int senders, int graceSeconds, int refineSteps, boolean quick) {
    }

    /** Which ceiling the shop is compared with, and how much of it the shop used at its max sustained rate. */
    record Ratio(String what, double shop, double ceiling, double ratio) {
    }

    record LoadRun(String startedAt, Machine machine, Settings settings, double idleStackCpuMsPerSecond,
                   List<PhaseResult> phases,
                   Double maxSustainedPerSecond, PhaseResult closedLoop, Ceilings.KafkaCeiling kafkaCeiling,
                   Ceilings.PostgresCeiling postgresCeiling, List<Ratio> ratios) {
    }

    /** One service's start-up and memory, measured by benchmark.sh (from /proc and the service's log). */
    record Process(String name, Long startupTogetherMs, Long startupAloneMs, Long micronautStartupTogetherMs,
                   Long micronautStartupAloneMs, Long startupCpuTogetherMs, Long startupCpuAloneMs, Long rssBeforeMb,
                   Long rssAfterLoadMb, Long rssAloneMb, String jvmFlags) {
    }

    record Run(LoadRun load, List<Process> processes) {
    }
}
