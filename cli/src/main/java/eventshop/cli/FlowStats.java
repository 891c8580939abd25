package eventshop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the monitor counts between two redraws: records per topic and per event type, and the latest few. */
final class FlowStats {

    record Latest(Instant at, String topic, String type, String key, String summary) {
    }

    private final int keep;
    private final Map<String, Integer> byTopic = new TreeMap<>();
    private final Map<String, Integer> byType = new TreeMap<>();
    private final Deque<Latest> latest = new ArrayDeque<>();
    private long total;

    FlowStats(int keep) {
        this.keep = keep;
    }

    void add(ConsumerRecord<String, byte[]> record) {
        String type = typeOf(record);
        byTopic.merge(record.topic(), 1, Integer::sum);
        byType.merge(type, 1, Integer::sum);
        total++;
        latest.addFirst(new Latest(Instant.ofEpochMilli(record.timestamp()), record.topic(), type, record.key(),
                summary(record)));
        while (latest.size() > keep) {
            latest.removeLast();
        }
    }

    /** Counts of this interval, then starts the next one; the latest events stay. */
    Map<String, Integer> takeTopics() {
        Map<String, Integer> copy = new TreeMap<>(byTopic);
        byTopic.clear();
        return copy;
    }

    Map<String, Integer> takeTypes() {
        Map<String, Integer> copy = new TreeMap<>(byType);
        byType.clear();
        return copy;
    }

    List<Latest> latest() {
        return new ArrayList<>(latest);
    }

    long total() {
        return total;
    }

    /** The event-type header the services set, else the envelope's type; a record with neither is "invalid". */
    private static String typeOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("event-type");
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        JsonNode envelope = RecordJson.envelope(record.value());
        return envelope != null && envelope.hasNonNull("type") ? envelope.get("type").asText() : "(invalid)";
    }

    private static String summary(ConsumerRecord<String, byte[]> record) {
        JsonNode envelope = RecordJson.envelope(record.value());
        if (envelope == null) {
            return record.value() == null ? "(tombstone)" : "(not an event)";
        }
        JsonNode correlation = envelope.get("correlationId");
        return correlation == null || correlation.isNull() ? "" : "correlation " + correlation.asText();
    }
}
