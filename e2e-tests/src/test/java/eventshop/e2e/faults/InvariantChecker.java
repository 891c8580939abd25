package eventshop.e2e.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What must hold once the shop is quiet again, read from the databases over JDBC (directly, not through the proxy)
 * and from every shop topic with a {@code read_committed} consumer. Counted over every order so far, so a later
 * scenario also re-checks what earlier ones left.
 */
final class InvariantChecker {

    private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");
    private static final Set<String> DECISIONS = Set.of("StockReserved", "StockRejected");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one check: the figures of the results table and every invariant that failed, with figures. */
    record Result(long confirmed, long rejected, long cancelled, long lost, long appliedTwice, long resentCopies,
                  List<String> violations) {
    }

    private final ScaledSystem system;
    private final Map<String, Long> initialStock;

    InvariantChecker(ScaledSystem system) {
        this.system = system;
        this.initialStock = stockBySku(db(ScaledSystem.INVENTORY));
    }

    Map<String, Long> initialStock() {
        return initialStock;
    }

    /**
     * Waits, at most {@code patience}, until nothing is in flight: no PENDING order, every outbox empty, every
     * consumer group at the end of every partition it reads.
     *
     * @throws AssertionError naming what was still in flight
     */
    void awaitQuiet(Duration patience) {
        AtomicReference<String> busy = new AtomicReference<>("not checked yet");
        try {
            await("the shop quiet").atMost(patience).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        try {
                            busy.set(inFlight());
                        } catch (Exception e) {
                            // a broker or the database still coming back: ask again
                            busy.set("cannot tell: " + e);
                        }
                        return busy.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not quiet after " + patience.toSeconds() + " s: " + busy.get(), e);
        }
    }

    /** What is still moving, or empty when the shop is quiet. */
    String inFlight() throws Exception {
        List<String> busy = new ArrayList<>();
        long pending = db(ScaledSystem.ORDERS).queryLong("SELECT count(*) FROM customer_order WHERE status = 'PENDING'");
        if (pending > 0) {
            busy.add(pending + " orders PENDING");
        }
        for (String service : ScaledSystem.SERVICES) {
            long unpublished = db(service).queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL");
            if (unpublished > 0) {
                busy.add(unpublished + " events in " + service + "'s outbox");
            }
        }
        busy.addAll(consumerLag());
        return String.join("; ", busy);
    }

    /** Checks everything; the confirmed / rejected / cancelled figures are those of the orders of {@code scenario}. */
    Result check(String scenario, Map<java.util.UUID, ShopLoad.Accepted> accepted,
                 Map<String, Long> restockedByClients) {
        List<String> violations = new ArrayList<>();
        Map<String, String> status = new HashMap<>();
        db(ScaledSystem.ORDERS).rows("SELECT id::text AS id, status FROM customer_order")
                .forEach(row -> status.put((String) row.get("id"), (String) row.get("status")));
        Map<String, String> decision = new HashMap<>();
        db(ScaledSystem.INVENTORY).rows("SELECT order_id::text AS id, outcome FROM order_decision")
                .forEach(row -> decision.put((String) row.get("id"), (String) row.get("outcome")));
        Set<String> withReservedRows = new HashSet<>();
        db(ScaledSystem.INVENTORY).rows("SELECT DISTINCT order_id::text AS id FROM reservation WHERE status = 'RESERVED'")
                .forEach(row -> withReservedRows.add((String) row.get("id")));
        TopicContents topics = readTopics();

        // Every accepted order exists and ended CONFIRMED, REJECTED or CANCELLED; every order has its OrderPlaced on
        // the topic and one inventory decision.
        Set<String> lost = new HashSet<>();
        for (var order : accepted.keySet()) {
            String id = order.toString();
            if (!TERMINAL.contains(status.get(id))) {
                lost.add(id);
                note(violations, "accepted order " + id + " is " + status.getOrDefault(id, "missing"));
            }
        }
        for (String id : status.keySet()) {
            if (!decision.containsKey(id)) {
                lost.add(id);
                note(violations, "order " + id + " (" + status.get(id) + ") has no inventory decision");
            }
            if (topics.placed.getOrDefault(id, Set.of()).isEmpty()) {
                lost.add(id);
                note(violations, "order " + id + " has no OrderPlaced on " + Topics.ORDERS);
            }
            if (topics.decisions.getOrDefault(id, Set.of()).isEmpty()) {
                lost.add(id);
                note(violations, "order " + id + " has no StockReserved/StockRejected on " + Topics.INVENTORY);
            }
        }
        decision.keySet().stream().filter(id -> !status.containsKey(id))
                .forEach(id -> note(violations, "inventory decided order " + id + ", which orders-service does not have"));

        // Exactly one OrderPlaced and one decision per order (by event id: a copy of the same event is one event).
        Set<String> twice = new HashSet<>();
        topics.placed.forEach((id, events) -> {
            if (events.size() > 1) {
                twice.add(id);
                note(violations, "order " + id + " has " + events.size() + " OrderPlaced events");
            }
        });
        topics.decisions.forEach((id, events) -> {
            if (events.size() > 1) {
                twice.add(id);
                note(violations, "order " + id + " has " + events.size() + " inventory decisions");
            }
        });
        db(ScaledSystem.ORDERS).rows("SELECT message_key AS id, count(*) AS n FROM outbox WHERE event_type = "
                + "'OrderPlaced' GROUP BY message_key HAVING count(*) > 1").forEach(row -> {
                    twice.add((String) row.get("id"));
                    note(violations, "order " + row.get("id") + " wrote " + row.get("n") + " OrderPlaced to its outbox");
                });

        // CONFIRMED <=> reserved rows.
        status.forEach((id, s) -> {
            if (s.equals("CONFIRMED") != withReservedRows.contains(id)) {
                note(violations, "order " + id + " is " + s + (withReservedRows.contains(id) ? " but has" : " but has no")
                        + " reserved stock");
            }
        });
        withReservedRows.stream().filter(id -> !status.containsKey(id))
                .forEach(id -> note(violations, "stock is reserved for unknown order " + id));

        // Per SKU: initial + restocked = stock + reserved.
        Map<String, Long> stock = stockBySku(db(ScaledSystem.INVENTORY));
        Map<String, Long> reserved = sumBySku(db(ScaledSystem.INVENTORY),
                "SELECT sku, sum(quantity) AS n FROM reservation WHERE status = 'RESERVED' GROUP BY sku");
        Map<String, Long> restocked = sumBySku(db(ScaledSystem.INVENTORY),
                "SELECT sku, sum(quantity) AS n FROM restock_request GROUP BY sku");
        for (String sku : initialStock.keySet()) {
            long before = initialStock.get(sku) + restocked.getOrDefault(sku, 0L);
            long after = stock.getOrDefault(sku, 0L) + reserved.getOrDefault(sku, 0L);
            if (before != after) {
                note(violations, sku + ": initial " + initialStock.get(sku) + " + restocked "
                        + restocked.getOrDefault(sku, 0L) + " = " + before + ", but stock " + stock.get(sku)
                        + " + reserved " + reserved.getOrDefault(sku, 0L) + " = " + after);
            }
            if (restockedByClients.getOrDefault(sku, 0L) > restocked.getOrDefault(sku, 0L)) {
                note(violations, sku + ": clients were told " + restockedByClients.get(sku) + " units were restocked, "
                        + "inventory recorded " + restocked.getOrDefault(sku, 0L));
            }
        }

        // Every event on every topic is in the journal exactly once (its resent copies and replays aside), and
        // every record is journaled.
        long journalDoubles = checkJournal(topics, violations);

        // The orders catalog replica equals inventory's catalog.
        String catalog = "SELECT sku, name, price, stock FROM %s ORDER BY sku";
        var replica = db(ScaledSystem.ORDERS).rows(catalog.formatted("catalog_product")).toString();
        var source = db(ScaledSystem.INVENTORY).rows(catalog.formatted("product")).toString();
        if (!replica.equals(source)) {
            note(violations, "orders' catalog replica " + replica + " differs from inventory's catalog " + source);
        }

        List<String> ofScenario = accepted.values().stream().filter(a -> a.scenario().equals(scenario))
                .map(a -> a.orderId().toString()).toList();
        long confirmed = ofScenario.stream().filter(id -> "CONFIRMED".equals(status.get(id))).count();
        long rejected = ofScenario.stream().filter(id -> "REJECTED".equals(status.get(id))).count();
        long cancelled = ofScenario.stream().filter(id -> "CANCELLED".equals(status.get(id))).count();
        return new Result(confirmed, rejected, cancelled, lost.size(), twice.size() + journalDoubles,
                topics.resentCopies, violations);
    }

    private long checkJournal(TopicContents topics, List<String> violations) {
        Map<String, Long> originals = new HashMap<>();
        db(ScaledSystem.AUDIT).rows("SELECT topic || '/' || event_id AS event, count(*) AS n FROM journal_entry "
                + "WHERE event_id IS NOT NULL AND NOT resent AND NOT replayed GROUP BY topic, event_id")
                .forEach(row -> originals.put((String) row.get("event"), (Long) row.get("n")));
        long doubles = 0;
        for (String event : topics.eventIds) {
            long n = originals.getOrDefault(event, 0L);
            if (n != 1) {
                note(violations, "event " + event + " is in the journal " + n + " times (resent copies aside)");
                doubles += n > 1 ? 1 : 0;
            }
        }
        Set<String> journaled = new HashSet<>();
        db(ScaledSystem.AUDIT).rows("SELECT topic || '-' || kafka_partition || '@' || kafka_offset AS record "
                + "FROM journal_entry").forEach(row -> journaled.add((String) row.get("record")));
        topics.records.stream().filter(record -> !journaled.contains(record))
                .forEach(record -> note(violations, "record " + record + " was not journaled"));
        return doubles;
    }

    /** Every record of every shop topic, read_committed, from the beginning to the end as it is now. */
    private TopicContents readTopics() {
        TopicContents contents = new TopicContents();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topics.Spec topic : Topics.ALL) {
                consumer.partitionsFor(topic.name(), Duration.ofSeconds(15))
                        .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<String, Set<Long>> offsetsByEvent = new HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(15)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topics to their end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    contents.records.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                    String eventId = eventId(record);
                    if (eventId == null) {
                        continue;
                    }
                    String event = record.topic() + "/" + eventId;
                    contents.eventIds.add(event);
                    offsetsByEvent.computeIfAbsent(event, e -> new HashSet<>()).add(record.offset());
                    String type = KafkaTestClient.header(record, EventHeaders.EVENT_TYPE);
                    if (record.topic().equals(Topics.ORDERS) && "OrderPlaced".equals(type)) {
                        contents.placed.computeIfAbsent(record.key(), k -> new HashSet<>()).add(eventId);
                    } else if (record.topic().equals(Topics.INVENTORY) && DECISIONS.contains(type)) {
                        contents.decisions.computeIfAbsent(record.key(), k -> new HashSet<>()).add(eventId);
                    }
                }
            }
            contents.resentCopies = offsetsByEvent.values().stream().mapToLong(offsets -> offsets.size() - 1).sum();
        }
        return contents;
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        String header = KafkaTestClient.header(record, EventHeaders.EVENT_ID);
        if (header != null) {
            return header;
        }
        try {
            String id = JSON.readTree(record.value()).path("eventId").asText(null);
            return id == null || id.isBlank() ? null : id;
        } catch (Exception e) {
            return null; // not an event (a dead letter's raw garbage): nothing the journal could match by id
        }
    }

    /** Per consumer group, partitions it has committed on whose end it has not reached yet. */
    private List<String> consumerLag() throws Exception {
        List<String> lagging = new ArrayList<>();
        try (Admin admin = system.kafka().admin()) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values()
                        .forEach(t -> t.partitions().forEach(p ->
                                ends.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(ends).all().get(15, TimeUnit.SECONDS).forEach((partition, end) -> {
                    OffsetAndMetadata at = committed.get(partition);
                    long lag = end.offset() - (at == null ? 0 : at.offset());
                    if (lag > 0) {
                        lagging.add(group.groupId() + " " + lag + " behind on " + partition);
                    }
                });
            }
        }
        return lagging;
    }

    private TestPostgres.Database db(String service) {
        return system.database(service);
    }

    private static Map<String, Long> stockBySku(TestPostgres.Database inventory) {
        return sumBySku(inventory, "SELECT sku, stock AS n FROM product");
    }

    private static Map<String, Long> sumBySku(TestPostgres.Database db, String sql) {
        Map<String, Long> bySku = new TreeMap<>();
        db.rows(sql).forEach(row -> bySku.put((String) row.get("sku"), ((Number) row.get("n")).longValue()));
        return bySku;
    }

    /** At most a screenful of details: the counts in the table say how many there were. */
    private static void note(List<String> violations, String violation) {
        if (violations.size() < 40) {
            violations.add(violation);
        }
    }

    private static final class TopicContents {
        final Set<String> records = new HashSet<>();
        final Set<String> eventIds = new HashSet<>();
        final Map<String, Set<String>> placed = new HashMap<>();
        final Map<String, Set<String>> decisions = new HashMap<>();
        long resentCopies;
    }
}
