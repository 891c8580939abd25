package eventshop.e2e;

import eventshop.testing.TestAccounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventshop.testing.KafkaBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eventshop.e2e.SystemUnderTest.AUDIT;
import static eventshop.e2e.SystemUnderTest.INVENTORY;
import static eventshop.e2e.SystemUnderTest.ORDERS;
import static eventshop.e2e.SystemUnderTest.WEB_UI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The terminal client as a user runs it: the built jar ({@code cli/target/eventshop.jar}, what {@code ./eventshop}
 * starts) as its own process against the running shop, judged by its exit codes and output.
 */
class CommandLineClientTest {

    private static final Pattern ORDER_LINE = Pattern.compile("^order ([0-9a-f-]{36}) PENDING", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SystemUnderTest system;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startTheShop() {
        system = SystemUnderTest.shared();
        for (String service : List.of(ORDERS, INVENTORY, AUDIT, WEB_UI)) {
            system.ensureRunning(service);
        }
        // orders-service prices from its replica of the catalog, filled from shop.catalog after inventory starts.
        await("the catalog replica knows the products").atMost(Duration.ofSeconds(60)).until(() ->
                eventshop("order", "--name", "Probe", "--email", "probe@example.com", "--sku", "ESP-001",
                        "--qty", "1").exitCode() == 0);
    }

    @Test
    void anOrderWatchedToConfirmedExitsZeroAndPrintsEachStatus() {
        Run run = eventshop("order", "--name", "Ada Lovelace", "--email", "ada@example.com", "--sku", "ESP-001",
                "--qty", "2", "--watch");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(ORDER_LINE);
        // The current status first (PENDING, unless inventory was quicker than the watch), then each change.
        List<String> statuses = statusLines(run.out());
        assertThat(statuses).isNotEmpty().isSubsetOf("PENDING", "CONFIRMED").last().isEqualTo("CONFIRMED");

        String id = orderId(run.out());
        Run status = eventshop("order-status", id);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("CONFIRMED").contains("2 × Espresso");
        Run listed = eventshop("orders", "--status", "CONFIRMED", "--size", "100", "--password",
                TestAccounts.STAFF_PASSWORD);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(id);
        // Every customer's name: not without the staff password (here the default staff-demo is the wrong one).
        Run refused = eventshop("orders", "--status", "CONFIRMED");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("UNAUTHENTICATED");

        Run cancelled = eventshop("cancel", id, "--reason", "from the terminal");
        assertThat(cancelled.exitCode()).isZero();
        assertThat(cancelled.out()).contains("CANCELLED (from the terminal)");
        Run again = eventshop("cancel", id);
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("FAILED_PRECONDITION").contains("only PENDING or CONFIRMED");
    }

    @Test
    void anOrderWatchedToRejectedExitsNonZeroWithTheReason() {
        // The mug is seeded with 3 in stock: 100 cannot be reserved.
        Run run = eventshop("order", "--name", "Grace Hopper", "--email", "grace@example.com", "--sku", "MUG-001",
                "--qty", "100", "--watch");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
        assertThat(statusLines(run.out())).isNotEmpty().isSubsetOf("PENDING", "REJECTED").last()
                .isEqualTo("REJECTED");
        assertThat(run.out()).contains("not enough stock: MUG-001 requested 100");
    }

    @Test
    void aRefusedOrderPrintsEachFieldAndReasonAndExitsNonZero() {
        Run run = eventshop("order", "--name", "Ada", "--email", "not-an-email", "--sku", "NOPE", "--qty", "0");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("INVALID_ARGUMENT").contains("customer.email:")
                .contains("lines[0].quantity:");
        Run unknown = eventshop("order", "--name", "Ada", "--email", "ada@example.com", "--sku", "NOPE", "--qty", "1");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("lines[0].sku: unknown SKU 'NOPE'");

        Run missing = eventshop("order-status", "00000000-0000-0000-0000-000000000000");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("NOT_FOUND");
        Run usage = eventshop("order", "--name", "Ada");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required options");
    }

    @Test
    void tailPrintsOneJsonObjectPerRecordReadyForJq() throws IOException {
        Run placed = eventshop("order", "--name", "Tail", "--email", "tail@example.com", "--sku", "ESP-001",
                "--qty", "1");
        String id = orderId(placed.out());

        Run tail = eventshop("tail", "--topic", "shop.orders", "--from-beginning", "--idle", "3");
        assertThat(tail.exitCode()).as(tail.err()).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : tail.out().split("\n")) {
            records.add(JSON.readTree(line));
        }
        JsonNode mine = records.stream().filter(r -> id.equals(r.path("key").asText())).findFirst().orElseThrow();
        assertThat(mine.path("topic").asText()).isEqualTo("shop.orders");
        assertThat(mine.path("partition").isInt()).isTrue();
        assertThat(mine.path("offset").isNumber()).isTrue();
        assertThat(mine.path("headers").path("event-type").asText()).isEqualTo("OrderPlaced");
        assertThat(mine.path("envelope").path("type").asText()).isEqualTo("OrderPlaced");
        assertThat(mine.path("envelope").path("orderId").asText()).isEqualTo(id);
        assertThat(mine.path("envelope").path("correlationId").asText()).startsWith("cli-");

        Run two = eventshop("tail", "--topic", "shop.orders", "--from-beginning", "--max", "2");
        assertThat(two.out().split("\n")).hasSize(2);
        Run noSuchTopic = eventshop("tail", "--topic", "shop.nothing", "--max", "1");
        assertThat(noSuchTopic.exitCode()).isEqualTo(3);
        assertThat(noSuchTopic.err()).contains("no topic 'shop.nothing'");
    }

    @Test
    void theMonitorsPlainModePrintsOneSummaryLinePerInterval() {
        Run run = eventshop("monitor", "--plain", "--interval", "1", "--count", "3",
                "--service", "orders-service=" + system.url(ORDERS), "--service", "web-ui=" + system.url(WEB_UI));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d events/s [0-9.]+ .*")
                    .contains("health [orders-service=UP web-ui=UP]")
                    .contains("orders-inventory-outcomes=");
        }
    }

    @Test
    void everyCommandExplainsItselfWithExamples() {
        Run help = eventshop("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("order", "orders", "order-status", "cancel", "tail", "monitor", "Examples:");
        for (String command : List.of("order", "orders", "order-status", "cancel", "tail", "monitor")) {
            Run commandHelp = eventshop(command, "--help");
            assertThat(commandHelp.exitCode()).isZero();
            assertThat(commandHelp.out()).contains("--orders", "--bootstrap-servers", "Example");
        }
    }

    private static List<String> statusLines(String out) {
        List<String> statuses = new ArrayList<>();
        Matcher m = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  ([A-Z]+)", Pattern.MULTILINE).matcher(out);
        while (m.find()) {
            statuses.add(m.group(1));
        }
        return statuses;
    }

    private static String orderId(String out) {
        Matcher m = ORDER_LINE.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    /** Runs the built jar with the shop's addresses, as ./eventshop would, and waits for it to finish. */
    static Run eventshop(String... args) {
        Path root = Path.of(System.getProperty("eventshop.repo.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("cli/target/eventshop.jar");
        assertThat(jar).as("build it first: ./mvnw -B -pl cli -am package").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        if (args.length > 0 && !args[0].startsWith("-")) {
            command.addAll(List.of("--orders", system.ordersGrpcAddress(),
                    "--bootstrap-servers", KafkaBroker.shared().bootstrapServers()));
        }
        try {
            Path out = Files.createTempFile("eventshop-cli", ".out");
            Path err = Files.createTempFile("eventshop-cli", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("eventshop " + String.join(" ", args) + " did not finish in 120 s");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
