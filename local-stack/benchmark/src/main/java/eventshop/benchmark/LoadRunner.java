package eventshop.benchmark;

import eventshop.benchmark.Results.Latency;
import eventshop.benchmark.Results.PhaseResult;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Drives the shop: open-loop phases (orders due at fixed instants, whatever the shop answers) and a closed-loop phase
 * (a fixed number of clients, each sending its next order when the last was accepted). Every loop is bounded by a
 * count and a deadline.
 */
final class LoadRunner {

    /** Once this many seconds of due orders wait for a free sender, the shop cannot keep up: the phase stops offering. */
    private static final double MAX_BACKLOG_SECONDS = 2;
    /** How long a phase waits for late outcomes before the next phase (its backlog would distort the next one). */
    private static final long MAX_DRAIN_SECONDS = 60;

    private final Shop shop;
    private final Outcomes outcomes;
    private final SalesUpdates sales;
    private final Counters counters;
    private final CpuMeter cpu;
    private final BrokerMetrics broker;
    private final int senders;
    /** The stack's CPU ms per second with no orders (pollers, heartbeats, the JIT): subtracted to cost an order. */
    private volatile double idleCpuPerSecond;
    private final int graceSeconds;
    private final Consumer<String> progress;

    LoadRunner(Shop shop, Outcomes outcomes, SalesUpdates sales, Counters counters, CpuMeter cpu, BrokerMetrics broker,
               int senders, int graceSeconds, Consumer<String> progress) {
        this.shop = shop;
        this.outcomes = outcomes;
        this.sales = sales;
        this.counters = counters;
        this.cpu = cpu;
        this.broker = broker;
        this.senders = senders;
        this.graceSeconds = graceSeconds;
        this.progress = progress;
    }

    /** Measures what the stack spends with no orders at all, for {@link PhaseResult#marginalCpuMsPerOrder()}. */
    double idle(int seconds) throws InterruptedException {
        CpuMeter.Snapshot before = cpu.snapshot();
        Thread.sleep(seconds * 1000L);
        idleCpuPerSecond = CpuMeter.stackRate(before, cpu.snapshot());
        return idleCpuPerSecond;
    }

    PhaseResult openLoop(double rate, int seconds) throws Exception {
        long count = Math.max(1, Math.round(rate * seconds));
        shop.restock(count);
        Phase phase = new Phase("open", rate, senders);
        String label = String.format("open loop %.0f/s", rate);
        Counters.Snapshot before = counters.snapshot();
        CpuMeter.Snapshot cpuBefore = cpu.snapshot();
        BrokerMetrics.Snapshot brokerBefore = broker.snapshot();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(senders, senders, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>());
        long periodNanos = Math.round(1e9 / rate);
        long maxQueued = Math.max(senders, Math.round(rate * MAX_BACKLOG_SECONDS));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        phase.startNanos = start;
        phase.scheduled.set(count);
        sales.measure(phase);
        try (Ticker ignored = new Ticker(label, seconds, phase)) {
            for (long i = 0; i < count; i++) {
                long intended = start + i * periodNanos;
                parkUntil(intended);
                if (pool.getQueue().size() > maxQueued) {
                    long notSent = count - i;
                    phase.errors.addAndGet(notSent);
                    phase.errorKinds.merge("not sent: over " + MAX_BACKLOG_SECONDS + " s of due orders waiting", (int) notSent, Integer::sum);
                    progress.accept(label + ": " + notSent + " orders not sent, the shop is not keeping up");
                    break;
                }
                pool.execute(() -> place(phase, intended));
            }
            long due = start + (count - 1) * periodNanos;
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            drain(phase);
            return result(phase, seconds, before, cpuBefore, brokerBefore, due);
        } finally {
            pool.shutdownNow();
        }
    }

    PhaseResult closedLoop(int clients, int seconds, long restock) throws Exception {
        shop.restock(restock);
        Phase phase = new Phase("closed", 0, clients);
        Counters.Snapshot before = counters.snapshot();
        CpuMeter.Snapshot cpuBefore = cpu.snapshot();
        BrokerMetrics.Snapshot brokerBefore = broker.snapshot();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        phase.startNanos = start;
        sales.measure(phase);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (Ticker ignored = new Ticker("closed loop, " + clients + " clients", seconds, phase)) {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    for (long sentAt = System.nanoTime(); sentAt < end; sentAt = System.nanoTime()) {
                        phase.scheduled.incrementAndGet();
                        place(phase, sentAt);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            drain(phase);
            return result(phase, seconds, before, cpuBefore, brokerBefore, end);
        } finally {
            pool.shutdownNow();
        }
    }

    private void place(Phase phase, long intendedNanos) {
        phase.sent.incrementAndGet();
        try {
            outcomes.expect(shop.placeOrder(), phase, intendedNanos);
        } catch (Shop.ShopException e) {
            phase.failed(e.kind);
        }
    }

    /** Waits (bounded) until every accepted order of the phase has its outcome. */
    private void drain(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_DRAIN_SECONDS);
        while (!phase.pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private PhaseResult result(Phase phase, int seconds, Counters.Snapshot before, CpuMeter.Snapshot cpuBefore,
                               BrokerMetrics.Snapshot brokerBefore, long lastDueNanos) throws Exception {
        CpuMeter.Snapshot cpuAfter = cpu.snapshot();
        BrokerMetrics.Snapshot brokerAfter = broker.snapshot();
        Map<String, Long> cpuMs = CpuMeter.spent(cpuBefore, cpuAfter);
        double wallSeconds = (cpuAfter.nanos() - cpuBefore.nanos()) / 1e9;
        Thread.sleep(1_000);   // PostgreSQL publishes transaction counts about once a second
        Counters.Snapshot used = counters.snapshot().minus(before);
        long shopCpu = cpuMs.entrySet().stream().filter(e -> !e.getKey().equals(CpuMeter.GENERATOR))
                .mapToLong(Map.Entry::getValue).sum();
        double perOrder = phase.resolved() == 0 ? 0 : (double) shopCpu / phase.resolved();
        double generatorPerOrder = phase.resolved() == 0 ? 0
                : (double) cpuMs.getOrDefault(CpuMeter.GENERATOR, 0L) / phase.resolved();
        double marginal = phase.resolved() == 0 ? 0
                : Math.max(0, shopCpu - idleCpuPerSecond * wallSeconds) / phase.resolved();
        double onIdleCores = marginal == 0 ? 0 : Runtime.getRuntime().availableProcessors() * 1000.0 / marginal;
        long resolved = phase.resolved();
        double acceptSeconds = Math.max(1e-3, (phase.lastAcceptNanos.get() - phase.startNanos) / 1e9);
        double resolveSeconds = Math.max(1e-3, (phase.lastResolveNanos.get() - phase.startNanos) / 1e9);
        long unresolved = phase.pending.size();
        boolean inGrace = phase.lastResolveNanos.get() <= lastDueNanos + TimeUnit.SECONDS.toNanos(graceSeconds);
        boolean sustained = phase.errors.get() == 0 && unresolved == 0 && phase.accepted.get() == phase.scheduled.get()
                && resolved == phase.scheduled.get() && inGrace;
        Map<String, Integer> errorKinds = new TreeMap<>(phase.errorKinds);
        return new PhaseResult(phase.kind, phase.offeredPerSecond, phase.clients, seconds, phase.scheduled.get(),
                phase.sent.get(), phase.accepted.get(), phase.errors.get(), errorKinds, phase.confirmed.get(),
                phase.rejected.get(), unresolved, round(phase.accepted.get() / acceptSeconds),
                round(resolved / resolveSeconds), Latency.of(phase.acceptLatency), Latency.of(phase.resolveLatency),
                used.records(), used.commits(), round(resolved == 0 ? 0 : (double) used.records() / resolved),
                round(resolved == 0 ? 0 : (double) used.commits() / resolved), cpuMs, round(perOrder),
                round(marginal), round(generatorPerOrder), round(onIdleCores), phase.salesUpdates.get(),
                Latency.of(phase.salesLatency), round(used.streamsConsumed() / wallSeconds), graceSeconds, sustained,
                new Results.Stages(Latency.of(phase.acceptedToPlaced), Latency.of(phase.placedToAnswered),
                        Latency.of(phase.answeredToOutcome)),
                BrokerMetrics.load(brokerBefore, brokerAfter, resolved));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void parkUntil(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The progress line: every 5 s while a phase runs. */
    private final class Ticker implements AutoCloseable {
        private final Thread thread;

        Ticker(String label, int seconds, Phase phase) {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(5_000);
                        long elapsed = (System.nanoTime() - phase.startNanos) / 1_000_000_000L;
                        progress.accept(String.format("  %s: %d/%d s, sent %d, accepted %d, resolved %d, waiting %d, errors %d",
                                label, Math.min(elapsed, seconds), seconds, phase.sent.get(), phase.accepted.get(),
                                phase.resolved(), phase.pending.size(), phase.errors.get()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "progress");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
