package eventshop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * CPU time the stack spends, from {@code /proc/<pid>/stat} (user + system): each of the stack's JVMs, the PostgreSQL
 * backends serving the shop's databases, and the load generator itself. On a machine shared with other work, wall-clock
 * figures say how busy the machine was; CPU time per order says what an order costs, whoever else ran.
 */
final class CpuMeter {

    static final String POSTGRES = "postgresql (shop backends)";
    static final String GENERATOR = "load generator";

    private final Map<String, Long> pids;
    private final long ticksPerSecond;
    private final String jdbcUrl;
    private final Properties jdbcProps;
    private final List<String> databases;

    CpuMeter(Map<String, Long> pids, long ticksPerSecond, String jdbcUrl, Properties jdbcProps, List<String> databases) {
        this.pids = pids;
        this.ticksPerSecond = ticksPerSecond;
        this.jdbcUrl = jdbcUrl;
        this.jdbcProps = jdbcProps;
        this.databases = databases;
    }

    /** CPU milliseconds so far: per component, and per PostgreSQL backend pid (backends come and go). */
    record Snapshot(long nanos, Map<String, Long> components, Map<Long, Long> backends) {
    }

    Snapshot snapshot() {
        Map<String, Long> components = new TreeMap<>();
        long nanos = System.nanoTime();
        pids.forEach((name, pid) -> cpuMillis(pid).ifPresent(ms -> components.put(name, ms)));
        components.put(GENERATOR, ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L));
        Map<Long, Long> backends = new HashMap<>();
        for (long pid : backendPids()) {
            cpuMillis(pid).ifPresent(ms -> backends.put(pid, ms));
        }
        return new Snapshot(nanos, components, backends);
    }

    /** CPU ms spent between two snapshots, per component (PostgreSQL: backends alive at both). */
    static Map<String, Long> spent(Snapshot before, Snapshot after) {
        Map<String, Long> spent = new TreeMap<>();
        after.components().forEach((name, ms) -> {
            Long was = before.components().get(name);
            if (was != null) {
                spent.put(name, ms - was);
            }
        });
        long pg = 0;
        for (Map.Entry<Long, Long> e : after.backends().entrySet()) {
            Long was = before.backends().get(e.getKey());
            pg += e.getValue() - (was == null ? 0 : was);
        }
        spent.put(POSTGRES, pg);
        return spent;
    }

    /** The stack's CPU ms per second of wall time between two snapshots, the load generator left out. */
    static double stackRate(Snapshot before, Snapshot after) {
        long stack = spent(before, after).entrySet().stream().filter(e -> !e.getKey().equals(GENERATOR))
                .mapToLong(Map.Entry::getValue).sum();
        return stack / Math.max(1e-3, (after.nanos() - before.nanos()) / 1e9);
    }

    private java.util.Optional<Long> cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name (which is in parentheses and may hold spaces): state is field 3,
            // utime 14 and stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return java.util.Optional.of(ticks * 1000 / ticksPerSecond);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private List<Long> backendPids() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcProps);
             PreparedStatement s = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ANY (?)")) {
            Array names = c.createArrayOf("text", databases.toArray());
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                List<Long> list = new java.util.ArrayList<>();
                while (rs.next()) {
                    list.add(rs.getLong(1));
                }
                return list;
            }
        } catch (SQLException e) {
            return List.of();
        }
    }
}
