package eventshop.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The ceilings the shop is compared with, measured in the same run on the same machine: the stack's broker under Kafka's
 * own producer performance tool with the outbox relay's producer settings, and PostgreSQL under pgbench committing one
 * ~300-byte insert per transaction (what an outbox row costs). Each tool runs as its own process; their text summaries
 * are read line by line.
 */
final class Ceilings {

    static final String TOPIC = "bench.ceiling";
    static final int RECORD_SIZE = 300;
    /** The outbox relay's producer settings (platform-defaults.yml, kafka.producers.outbox-relay). */
    static final List<String> RELAY_PRODUCER = List.of("acks=all", "enable.idempotence=true",
            "max.in.flight.requests.per.connection=5", "linger.ms=5");
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency");
    private static final Pattern PGBENCH_TPS = Pattern.compile("^tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final String PG_DATABASE = "bench_ceiling";

    record KafkaCeiling(String tool, long records, int recordSize, List<String> producerSettings,
                        double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs) {
    }

    record PostgresCeiling(String tool, String statement, int clients, int seconds, double commitsPerSecond) {
    }

    private final Consumer<String> progress;

    Ceilings(Consumer<String> progress) {
        this.progress = progress;
    }

    Optional<KafkaCeiling> kafka(Admin admin, String bootstrap, long records) throws Exception {
        progress.accept("ceiling: Kafka's ProducerPerformance, " + records + " records of " + RECORD_SIZE
                + " B to " + TOPIC + " (" + String.join(", ", RELAY_PRODUCER) + ") ...");
        if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            awaitTopicGone(admin);
        }
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                    "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size",
                    String.valueOf(RECORD_SIZE), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + bootstrap));
            command.addAll(RELAY_PRODUCER);
            Matcher summary = null;
            for (String line : run(command, Map.of(), 300)) {
                Matcher m = PRODUCER_SUMMARY.matcher(line);
                if (m.find()) {
                    summary = m;
                }
            }
            if (summary == null) {
                return Optional.empty();
            }
            return Optional.of(new KafkaCeiling("org.apache.kafka.tools.ProducerPerformance (kafka-tools "
                    + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")", Long.parseLong(summary.group(1)),
                    RECORD_SIZE, RELAY_PRODUCER, Double.parseDouble(summary.group(2)),
                    Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4))));
        } finally {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitTopicGone(Admin admin) throws Exception {
        for (int i = 0; i < 100 && admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC); i++) {
            Thread.sleep(100);
        }
    }

    Optional<PostgresCeiling> postgres(String host, int port, String user, String password, String jdbcUrlOfPostgres,
                                       Properties jdbcProps, int clients, int seconds) throws Exception {
        String statement = "INSERT INTO ceiling_event (payload) VALUES (repeat('x', " + RECORD_SIZE + "))";
        progress.accept("ceiling: pgbench, " + clients + " clients for " + seconds + " s, one insert per transaction ...");
        try (Connection c = DriverManager.getConnection(jdbcUrlOfPostgres, jdbcProps); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE);
            s.execute("CREATE DATABASE " + PG_DATABASE);
        }
        String dbUrl = jdbcUrlOfPostgres.replaceFirst("/[^/?]*(\\?|$)", "/" + PG_DATABASE + "$1");
        try {
            try (Connection c = DriverManager.getConnection(dbUrl, jdbcProps); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ceiling_event (id bigserial PRIMARY KEY, payload text NOT NULL, "
                        + "created_at timestamptz NOT NULL DEFAULT now())");
            }
            Path script = Files.createTempFile("pgbench-", ".sql");
            try {
                Files.writeString(script, statement + ";\n");
                List<String> command = List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j",
                        String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                        String.valueOf(seconds), "-f", script.toString(), "-h", host, "-p", String.valueOf(port),
                        "-U", user, PG_DATABASE);
                Map<String, String> env = password == null || password.isEmpty() ? Map.of() : Map.of("PGPASSWORD", password);
                for (String line : run(command, env, seconds + 60)) {
                    Matcher m = PGBENCH_TPS.matcher(line.trim());
                    if (m.find()) {
                        return Optional.of(new PostgresCeiling("pgbench", statement, clients, seconds,
                                Double.parseDouble(m.group(1))));
                    }
                }
                return Optional.empty();
            } finally {
                Files.deleteIfExists(script);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(jdbcUrlOfPostgres, jdbcProps); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE);
            } catch (SQLException e) {
                progress.accept("could not drop database " + PG_DATABASE + ": " + e.getMessage());
            }
        }
    }

    /** Runs a tool to completion (bounded), returning its output lines; a non-zero exit is reported, not thrown. */
    private List<String> run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is all there is
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            progress.accept(command.get(0) + " did not finish within " + timeoutSeconds + " s; stopped it");
        }
        reader.join(5_000);
        if (process.exitValue() != 0) {
            synchronized (lines) {
                progress.accept(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " ... exited "
                        + process.exitValue() + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
