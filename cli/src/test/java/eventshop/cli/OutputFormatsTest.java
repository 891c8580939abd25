package eventshop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes the client prints, checked without a running shop (CommandLineClientTest in e2e-tests runs the jar). */
class OutputFormatsTest {

    @Test
    void aRecordBecomesOneJsonObjectWithItsEnvelope() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-type", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = record("order-1", "{\"type\":\"OrderPlaced\",\"orderId\":\"order-1\"}",
                headers);

        JsonNode json = RecordJson.MAPPER.readTree(RecordJson.line(record));

        assertThat(json.get("topic").asText()).isEqualTo("shop.orders");
        assertThat(json.get("partition").asInt()).isEqualTo(2);
        assertThat(json.get("offset").asLong()).isEqualTo(41);
        assertThat(json.get("key").asText()).isEqualTo("order-1");
        assertThat(json.get("headers").get("event-type").asText()).isEqualTo("OrderPlaced");
        assertThat(json.get("envelope").get("type").asText()).isEqualTo("OrderPlaced");
        assertThat(json.has("raw")).isFalse();
    }

    @Test
    void aRecordThatIsNotJsonKeepsItsTextAndANullEnvelope() throws Exception {
        JsonNode json = RecordJson.MAPPER.readTree(RecordJson.line(record("k", "{not json", new RecordHeaders())));

        assertThat(json.get("envelope").isNull()).isTrue();
        assertThat(json.get("raw").asText()).isEqualTo("{not json");
        assertThat(RecordJson.line(record("k", "{not json", new RecordHeaders()))).doesNotContain("\n");
    }

    @Test
    void thePlainMonitorLineSaysRatesLagAndHealth() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("orders-service", "UP");
        health.put("web-ui", "DOWN");
        Monitor.Snapshot snapshot = new Monitor.Snapshot(LocalTime.of(10, 15, 30), 2.0,
                Map.of("shop.orders", 4), new java.util.TreeMap<>(Map.of("OrderPlaced", 2, "OrderConfirmed", 2)), List.of(), 9,
                Map.of("orders-inventory-outcomes", 3L), health);

        assertThat(Monitor.PlainLines.line(snapshot)).isEqualTo("10:15:30 events/s 2.0 [shop.orders=2.0] types "
                + "[OrderConfirmed=1.0 OrderPlaced=1.0] total 9 | lag [orders-inventory-outcomes=3] | health "
                + "[orders-service=UP web-ui=DOWN]");
    }

    @Test
    void everyCommandTakesTheEndpointsAndShowsExamples() {
        CommandLine cli = EventShop.commandLine();
        for (String name : List.of("order", "orders", "order-status", "cancel", "tail", "monitor")) {
            CommandLine command = cli.getSubcommands().get(name);
            assertThat(command).as(name).isNotNull();
            assertThat(Optional.ofNullable(command.getCommandSpec().findOption("--orders"))).as(name).isPresent();
            assertThat(Optional.ofNullable(command.getCommandSpec().findOption("--bootstrap-servers"))).isPresent();
            assertThat(command.getUsageMessage()).as(name).contains("Example");
        }
    }

    @Test
    void aSkuWithoutItsQuantityIsABadUsage() {
        StringWriter err = new StringWriter();
        CommandLine cli = EventShop.commandLine().setErr(new PrintWriter(err));
        int exit = cli.execute("order", "--name", "Ada", "--email", "ada@example.com", "--sku", "ESP-001",
                "--sku", "MUG-001", "--qty", "1", "--orders", "127.0.0.1:9");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("give one --qty for each --sku");
    }

    private static ConsumerRecord<String, byte[]> record(String key, String value, RecordHeaders headers) {
        return new ConsumerRecord<>("shop.orders", 2, 41, 1_700_000_000_000L, TimestampType.CREATE_TIME, -1, -1, key,
                value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
