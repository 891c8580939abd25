package eventshop.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** What the monitor asks besides the records: each consumer group's lag (Kafka Admin API) and each service's /health. */
final class Probes implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 3;

    private final Admin admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, String> services;

    Probes(String bootstrapServers, Map<String, String> services) {
        this.admin = Admin.create(KafkaReading.clientProperties(bootstrapServers));
        this.services = services;
    }

    /** Records not yet consumed, summed over each group's partitions; a group whose lag cannot be read is left out. */
    Map<String, Long> lagByGroup() {
        Map<String, Long> lag = new TreeMap<>();
        try {
            List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                committed.values().removeIf(java.util.Objects::isNull);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                        .stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                lag.put(group, committed.entrySet().stream()
                        .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception unavailable) {
            lag.put("(lag unavailable: " + unavailable.getClass().getSimpleName() + ")", -1L);
        }
        return lag;
    }

    /** UP when /health answers 200 with status UP; DOWN otherwise, asked in parallel with a short timeout. */
    Map<String, String> health() {
        Map<String, CompletableFuture<String>> asked = new LinkedHashMap<>();
        services.forEach((name, url) -> asked.put(name, http.sendAsync(HttpRequest.newBuilder(URI.create(url
                        + "/health")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> r.statusCode() == 200 && r.body().contains("\"UP\"") ? "UP" : "DOWN")
                .exceptionally(e -> "DOWN")));
        Map<String, String> health = new LinkedHashMap<>();
        asked.forEach((name, answer) -> health.put(name, answer.completeOnTimeout("DOWN", 3, TimeUnit.SECONDS).join()));
        return health;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
