package eventshop.cli;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"A live view of the event flow: events per second per topic and per type, the latest events,",
                "consumer lag per group and each service's health, redrawn in place; q quits.",
                "With --plain, or when stdout is not a terminal, one summary line per interval instead."},
        footerHeading = "%nExamples:%n",
        footer = {"  eventshop monitor", "  eventshop monitor --plain --interval 5 | tee flow.log",
                "  eventshop monitor --service web-ui=http://shop.example:8080 --service orders-service=http://…:3000"})
public class Monitor implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--plain", description = "One summary line per interval instead of the full-screen view.")
    boolean plain;

    @Option(names = "--interval", defaultValue = "1", paramLabel = "SECONDS",
            description = "Seconds between redraws (default: ${DEFAULT-VALUE}).")
    int intervalSeconds;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N intervals (default: until q or Ctrl-C).")
    Integer count;

    @Option(names = "--service", paramLabel = "NAME=URL", description = "A service whose /health to show "
            + "(repeatable; default: the four services on their local ports).")
    Map<String, String> services = defaultServices();

    private static Map<String, String> defaultServices() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("web-ui", "http://localhost:8080");
        services.put("orders-service", "http://localhost:3000");
        services.put("inventory-notification-service", "http://localhost:8082");
        services.put("audit-service", "http://localhost:8083");
        return services;
    }

    /** One interval's picture. */
    record Snapshot(LocalTime at, double seconds, Map<String, Integer> byTopic, Map<String, Integer> byType,
                    List<FlowStats.Latest> latest, long total, Map<String, Long> lag, Map<String, String> health) {

        double rate(int count) {
            return count / seconds;
        }

        double totalRate() {
            return byTopic.values().stream().mapToInt(Integer::intValue).sum() / seconds;
        }
    }

    @Override
    public Integer call() throws IOException {
        FlowStats stats = new FlowStats(12);
        try (KafkaConsumer<String, byte[]> consumer = KafkaReading.consumer(endpoints.bootstrapServers);
             Probes probes = new Probes(endpoints.bootstrapServers, services)) {
            List<TopicPartition> partitions = KafkaReading.partitions(consumer, KafkaReading.shopTopics(consumer));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            // Full screen only on a real terminal; a pipe, a log file or a test gets plain lines.
            Terminal terminal = plain || System.console() == null ? null
                    : TerminalBuilder.builder().system(true).dumb(false).build();
            try (Screen screen = terminal == null ? new PlainLines(spec.commandLine().getOut())
                    : new FullScreen(terminal)) {
                run(consumer, probes, stats, screen);
            } finally {
                if (terminal != null) {
                    terminal.close();
                }
            }
            return 0;
        } catch (TimeoutException e) {
            spec.commandLine().getErr().println("Kafka is not reachable at " + endpoints.bootstrapServers + ": "
                    + e.getMessage());
            return EventShop.UNREACHABLE;
        }
    }

    private void run(KafkaConsumer<String, byte[]> consumer, Probes probes, FlowStats stats, Screen screen)
            throws IOException {
        Duration interval = Duration.ofSeconds(Math.max(1, intervalSeconds));
        long started = System.nanoTime();
        for (int n = 0; count == null || n < count; n++) {
            long deadline = started + interval.toNanos() * (n + 1);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    stats.add(record);
                }
                if (screen.quitRequested()) {
                    return;
                }
            }
            screen.draw(new Snapshot(LocalTime.now(), interval.toMillis() / 1000.0, stats.takeTopics(),
                    stats.takeTypes(), stats.latest(), stats.total(), probes.lagByGroup(), probes.health()));
        }
    }

    interface Screen extends AutoCloseable {
        void draw(Snapshot snapshot);

        boolean quitRequested() throws IOException;

        @Override
        void close();
    }

    /** For pipes, logs and tests: one line a interval. */
    static final class PlainLines implements Screen {

        private final PrintWriter out;

        PlainLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void draw(Snapshot s) {
            out.println(line(s));
            out.flush();
        }

        static String line(Snapshot s) {
            return String.format(Locale.ROOT, "%s events/s %.1f [%s] types [%s] total %d | lag [%s] | health [%s]",
                    CLOCK.format(s.at()), s.totalRate(), rates(s, s.byTopic()), rates(s, s.byType()), s.total(),
                    s.lag().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")),
                    s.health().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")));
        }

        private static String rates(Snapshot s, Map<String, Integer> counts) {
            return counts.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.1f", e.getKey(),
                    s.rate(e.getValue()))).collect(Collectors.joining(" "));
        }

        @Override
        public boolean quitRequested() {
            return false;
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** The terminal's alternate screen, redrawn whole each interval; raw mode so a single q quits. */
    static final class FullScreen implements Screen {

        private static final AttributedStyle HEADING = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
        private static final AttributedStyle UP = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
        private static final AttributedStyle DOWN = AttributedStyle.BOLD.foreground(AttributedStyle.RED);

        private final Terminal terminal;
        private final NonBlockingReader keys;
        private final org.jline.terminal.Attributes saved;

        FullScreen(Terminal terminal) {
            this.terminal = terminal;
            this.saved = terminal.enterRawMode();
            this.keys = terminal.reader();
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
        }

        @Override
        public boolean quitRequested() throws IOException {
            int key = keys.read(1);
            return key == 'q' || key == 'Q' || key == 3; // 3: Ctrl-C in raw mode
        }

        @Override
        public void draw(Snapshot s) {
            List<AttributedString> lines = new ArrayList<>();
            lines.add(new AttributedStringBuilder().style(AttributedStyle.BOLD)
                    .append(String.format(Locale.ROOT, "Event Shop monitor  %s  %.1f events/s  %d since start",
                            CLOCK.format(s.at()), s.totalRate(), s.total()))
                    .style(AttributedStyle.DEFAULT).append("    q quits").toAttributedString());
            section(lines, "Events per second by topic");
            s.byTopic().forEach((topic, n) -> lines.add(plain(String.format(Locale.ROOT, "  %-22s %7.1f", topic,
                    s.rate(n)))));
            section(lines, "Events per second by type");
            s.byType().forEach((type, n) -> lines.add(plain(String.format(Locale.ROOT, "  %-22s %7.1f", type,
                    s.rate(n)))));
            section(lines, "Consumer lag by group");
            s.lag().forEach((group, lag) -> lines.add(plain(String.format(Locale.ROOT, "  %-40s %7d", group, lag))));
            section(lines, "Service health");
            s.health().forEach((service, state) -> lines.add(new AttributedStringBuilder()
                    .append(String.format(Locale.ROOT, "  %-32s ", service))
                    .style("UP".equals(state) ? UP : DOWN).append(state).toAttributedString()));
            section(lines, "Latest events");
            s.latest().forEach(e -> lines.add(plain(String.format(Locale.ROOT, "  %s  %-18s %-20s %-36s %s",
                    CLOCK.format(e.at().atZone(java.time.ZoneId.systemDefault())), e.topic(), e.type(),
                    e.key() == null ? "" : e.key(), e.summary()))));
            terminal.puts(Capability.clear_screen);
            int width = Math.max(20, terminal.getWidth());
            int height = Math.max(5, terminal.getHeight());
            lines.stream().limit(height - 1L).forEach(l -> terminal.writer().println(l.columnSubSequence(0, width)
                    .toAnsi(terminal)));
            terminal.flush();
        }

        private static void section(List<AttributedString> lines, String title) {
            lines.add(AttributedString.EMPTY);
            lines.add(new AttributedString(title, HEADING));
        }

        private static AttributedString plain(String text) {
            return new AttributedString(text);
        }

        @Override
        public void close() {
            terminal.puts(Capability.exit_ca_mode);
            terminal.puts(Capability.cursor_visible);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }
}
