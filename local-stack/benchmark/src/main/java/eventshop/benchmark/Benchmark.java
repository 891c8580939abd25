package eventshop.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eventshop.benchmark.Results.LoadRun;
import eventshop.benchmark.Results.Machine;
import eventshop.benchmark.Results.PhaseResult;
import eventshop.benchmark.Results.Ratio;
import eventshop.benchmark.Results.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * The Java half of local-stack/benchmark.sh. {@code load}: warm-up, open-loop phases at rising offered rates until the
 * shop no longer sustains one (plus optional bisection), a closed-loop phase, then the broker's and PostgreSQL's
 * ceilings; writes load.json. {@code report}: merges load.json with the start-up/RSS table benchmark.sh measured, writes
 * results.json and chart.svg and prints the summary whose last lines are the max sustained rate and the ceilings.
 * {@code analytics-backlog}: the stream processor alone over a backlog ({@link AnalyticsBacklog}). {@code jfr-top}: the
 * hottest frames of a JDK Flight Recorder recording.
 */
public final class Benchmark {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        ArgumentParser parser = ArgumentParsers.newArgumentParser("benchmark")
                .description("Event Shop benchmark (run it through local-stack/benchmark.sh)");
        Subparsers commands = parser.addSubparsers().dest("command");
        Subparser load = commands.addParser("load");
        load.addArgument("--orders-url").required(true);
        load.addArgument("--inventory-url").required(true);
        load.addArgument("--bootstrap").required(true);
        load.addArgument("--pg-host").setDefault("127.0.0.1");
        load.addArgument("--pg-port").type(Integer.class).setDefault(5432);
        load.addArgument("--pg-user").setDefault("postgres");
        load.addArgument("--databases").required(true).help("the shop's databases, comma-separated");
        load.addArgument("--streams-application-id").setDefault("analytics-service")
                .help("the analytics service's Kafka Streams application.id (its consumer group)");
        load.addArgument("--rates").setDefault("50,100,200,400,800,1600,3200");
        load.addArgument("--seconds").type(Integer.class).setDefault(60);
        load.addArgument("--warmup").type(Integer.class).setDefault(20);
        load.addArgument("--refine").type(Integer.class).setDefault(1);
        load.addArgument("--grace").type(Integer.class).setDefault(5);
        load.addArgument("--senders").type(Integer.class).setDefault(64);
        load.addArgument("--closed-clients").type(Integer.class).setDefault(16);
        load.addArgument("--closed-seconds").type(Integer.class).setDefault(30);
        load.addArgument("--ceiling-records").type(Long.class).setDefault(1_000_000L);
        load.addArgument("--pgbench-seconds").type(Integer.class).setDefault(15);
        load.addArgument("--pgbench-clients").type(Integer.class).setDefault(8);
        load.addArgument("--pids").setDefault("").help("the stack's processes: name=pid,...");
        load.addArgument("--clk-tck").type(Long.class).setDefault(100L).help("getconf CLK_TCK");
        load.addArgument("--quick").action(net.sourceforge.argparse4j.impl.Arguments.storeTrue());
        load.addArgument("--note").setDefault("");
        load.addArgument("--out").required(true);
        Subparser report = commands.addParser("report");
        report.addArgument("--load").required(true);
        report.addArgument("--processes").required(true);
        report.addArgument("--out-dir").required(true);
        Subparser backlog = commands.addParser("analytics-backlog")
                .help("time analytics-service alone over a backlog of orders on shop.orders");
        backlog.addArgument("--bootstrap").required(true).help("a broker of its own: the run adds to shop.orders");
        backlog.addArgument("--orders").type(Integer.class).setDefault(20_000);
        backlog.addArgument("--rate").type(Double.class).setDefault(75.0)
                .help("orders/s the event times are spaced at (distinct timestamps, as in a live run)");
        backlog.addArgument("--jar").setDefault("analytics-service/target/analytics-service.jar");
        backlog.addArgument("--java-opts").setDefault("-XX:TieredStopAtLevel=1")
                .help("for analytics-service, e.g. -XX:StartFlightRecording=settings=profile,filename=a.jfr");
        Subparser jfr = commands.addParser("jfr-top");
        jfr.addArgument("recording");
        jfr.addArgument("--top").type(Integer.class).setDefault(25);
        Namespace ns;
        try {
            ns = parser.parseArgs(args);
        } catch (ArgumentParserException e) {
            parser.handleError(e);
            System.exit(2);
            return;
        }
        switch (ns.getString("command")) {
            case "load" -> load(ns);
            case "report" -> Report.write(Path.of(ns.getString("load")), Path.of(ns.getString("processes")),
                    Path.of(ns.getString("out_dir")));
            case "analytics-backlog" -> AnalyticsBacklog.run(ns.getString("bootstrap"), ns.getInt("orders"),
                    ns.getDouble("rate"), Path.of(ns.getString("jar")), ns.getString("java_opts"));
            case "jfr-top" -> JfrTop.print(Path.of(ns.getString("recording")), ns.getInt("top"));
            default -> throw new IllegalArgumentException(ns.getString("command"));
        }
    }

    private static void load(Namespace ns) throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = loadAverage();
        List<Double> rates = Arrays.stream(ns.getString("rates").split(",")).map(String::trim).map(Double::parseDouble).toList();
        int seconds = ns.getInt("seconds");
        String jdbcUrl = "jdbc:postgresql://" + ns.getString("pg_host") + ":" + ns.getInt("pg_port") + "/postgres";
        Properties jdbc = new Properties();
        jdbc.setProperty("user", ns.getString("pg_user"));
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            jdbc.setProperty("password", password);
        }
        Settings settings = new Settings(rates, seconds, ns.getInt("warmup"), ns.getInt("closed_clients"),
                ns.getInt("closed_seconds"), ns.getInt("senders"), ns.getInt("grace"), ns.getInt("refine"),
                ns.getBoolean("quick"));
        Shop shop = new Shop(JSON, ns.getString("orders_url"), ns.getString("inventory_url"),
                env("EVENTSHOP_STAFF_USER", "staff"), env("EVENTSHOP_STAFF_PASSWORD", "staff-demo"));
        java.util.Map<String, Long> stack = pids(ns.getString("pids"));
        List<PhaseResult> phases = new ArrayList<>();
        double[] idleHolder = {0};
        PhaseResult closed;
        Optional<Ceilings.KafkaCeiling> kafka;
        Optional<Ceilings.PostgresCeiling> postgres;
        try (Counters counters = new Counters(Counters.admin(ns.getString("bootstrap")), jdbcUrl, jdbc,
                List.of(ns.getString("databases").split(",")), ns.getString("streams_application_id"));
             Outcomes outcomes = new Outcomes(ns.getString("bootstrap"));
             SalesUpdates sales = new SalesUpdates(ns.getString("bootstrap"));
             BrokerMetrics broker = BrokerMetrics.attach(stack, Benchmark::progress)) {
            CpuMeter cpu = new CpuMeter(stack, ns.getLong("clk_tck"), jdbcUrl, jdbc,
                    List.of(ns.getString("databases").split(",")));
            LoadRunner runner = new LoadRunner(shop, outcomes, sales, counters, cpu, broker, settings.senders(),
                    settings.graceSeconds(), Benchmark::progress);
            if (settings.warmupSeconds() > 0) {
                progress("warm-up: closed loop, 4 clients for " + settings.warmupSeconds() + " s (not counted) ...");
                PhaseResult warm = runner.closedLoop(4, settings.warmupSeconds(), 10_000);
                progress(String.format(Locale.ROOT, "warm-up done: %d accepted, %d resolved, %d errors",
                        warm.accepted(), warm.confirmed() + warm.rejected(), warm.errors()));
            }
            progress("idle: the stack's CPU with no orders, 10 s ...");
            double idle = runner.idle(10);
            progress(String.format(Locale.ROOT, "idle: %.0f CPU ms per second", idle));
            idleHolder[0] = idle;
            Double good = null;
            Double bad = null;
            for (double rate : rates) {
                PhaseResult r = phase(runner, rate, seconds);
                phases.add(r);
                if (!r.sustained()) {
                    bad = rate;
                    break;
                }
                good = rate;
            }
            for (int i = 0; i < settings.refineSteps() && good != null && bad != null && bad - good > good * 0.1; i++) {
                double rate = Math.round((good + bad) / 2);
                PhaseResult r = phase(runner, rate, seconds);
                phases.add(r);
                if (r.sustained()) {
                    good = rate;
                } else {
                    bad = rate;
                }
            }
            progress("closed loop: " + settings.closedLoopClients() + " clients for " + settings.closedLoopSeconds() + " s ...");
            closed = runner.closedLoop(settings.closedLoopClients(), settings.closedLoopSeconds(), 100_000);
            progress(Report.phaseLine(closed));
            Ceilings ceilings = new Ceilings(Benchmark::progress);
            kafka = ceilings.kafka(counters.kafkaAdmin(), ns.getString("bootstrap"), ns.getLong("ceiling_records"));
            postgres = ceilings.postgres(ns.getString("pg_host"), ns.getInt("pg_port"), ns.getString("pg_user"), password,
                    jdbcUrl, jdbc, ns.getInt("pgbench_clients"), ns.getInt("pgbench_seconds"));
        }
        Optional<PhaseResult> best = phases.stream().filter(PhaseResult::sustained)
                .max((a, b) -> Double.compare(a.offeredPerSecond(), b.offeredPerSecond()));
        List<Ratio> ratios = new ArrayList<>();
        for (PhaseResult at : best.isPresent() ? List.of(best.get(), closed) : List.of(closed)) {
            String where = at.kind().equals("open")
                    ? String.format(Locale.ROOT, "at max sustained (%.0f orders/s)", at.offeredPerSecond())
                    : "in the closed loop";
            kafka.ifPresent(k -> ratios.add(ratio("Kafka records/s, shop topics " + where + " ÷ ProducerPerformance",
                    at.kafkaRecords() / (double) at.seconds(), k.recordsPerSecond())));
            postgres.ifPresent(p -> ratios.add(ratio("PostgreSQL commits/s, shop databases " + where + " ÷ pgbench",
                    at.dbCommits() / (double) at.seconds(), p.commitsPerSecond())));
        }
        Machine machine = new Machine(Runtime.getRuntime().availableProcessors(), memoryGb(), loadBefore, loadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), ns.getString("note"));
        LoadRun run = new LoadRun(startedAt, machine, settings, Math.round(idleHolder[0] * 10) / 10.0, phases, best.map(PhaseResult::offeredPerSecond).orElse(null),
                closed, kafka.orElse(null), postgres.orElse(null), ratios);
        Files.createDirectories(Path.of(ns.getString("out")).toAbsolutePath().getParent());
        JSON.writeValue(Path.of(ns.getString("out")).toFile(), run);
    }

    private static java.util.Map<String, Long> pids(String list) {
        java.util.Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String pair : list.split(",")) {
            String[] nameAndPid = pair.split("=");
            if (nameAndPid.length == 2) {
                pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
            }
        }
        return pids;
    }

    private static PhaseResult phase(LoadRunner runner, double rate, int seconds) throws Exception {
        progress(String.format(Locale.ROOT, "open loop: %.0f orders/s offered for %d s ...", rate, seconds));
        PhaseResult r = runner.openLoop(rate, seconds);
        progress(Report.phaseLine(r));
        return r;
    }

    private static Ratio ratio(String what, double shop, double ceiling) {
        return new Ratio(what, Math.round(shop * 10) / 10.0, Math.round(ceiling * 10) / 10.0,
                ceiling <= 0 ? 0 : Math.round(shop / ceiling * 10_000) / 10_000.0);
    }

    static void progress(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.copyOfRange(parts, 0, 3));
        } catch (Exception e) {
            return "?";
        }
    }

    private static double memoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0 * 10) / 10.0;
                }
            }
        } catch (Exception ignored) {
            // not Linux: unknown
        }
        return 0;
    }
}
