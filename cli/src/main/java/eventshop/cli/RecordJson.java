package eventshop.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One Kafka record as one JSON object, for {@code jq}: where it is (topic, partition, offset, timestamp), its key
 * and headers, and the event envelope as JSON. A record that is not JSON (poison, say) keeps its bytes as text in
 * {@code raw}, with {@code envelope} null, so it shows up instead of breaking the stream.
 */
final class RecordJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {
    }

    static ObjectNode of(ConsumerRecord<String, byte[]> record) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("topic", record.topic());
        json.put("partition", record.partition());
        json.put("offset", record.offset());
        json.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        json.put("key", record.key());
        ObjectNode headers = json.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        JsonNode envelope = envelope(record.value());
        json.set("envelope", envelope);
        if (envelope == null && record.value() != null) {
            json.put("raw", new String(record.value(), StandardCharsets.UTF_8));
        }
        return json;
    }

    /** The parsed envelope, or null for a tombstone or anything that is not a JSON object. */
    static JsonNode envelope(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    static String line(ConsumerRecord<String, byte[]> record) {
        try {
            return MAPPER.writeValueAsString(of(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
