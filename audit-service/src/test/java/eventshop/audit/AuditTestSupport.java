package eventshop.audit;

import eventshop.testing.KafkaBroker;
import eventshop.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the audit tests share: the service's properties (real broker, fresh database, a consumer group of the test
 * class's own, so it journals the topics from the beginning whatever other classes left there), plain JDBC on that
 * database, and a producer for bulk sends.
 */
final class AuditTestSupport {

    private AuditTestSupport() {
    }

    static Map<String, String> properties(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(TestInfrastructure.properties("audit"));
        props.put("eventshop.audit.consumer-group", "audit-test-" + UUID.randomUUID());
        props.put("eventshop.audit.topic-discovery-ms", "1000");
        props.putAll(extra);
        return props;
    }

    /** JDBC on the test class's database, to look at the journal table as it is. */
    record Db(String url, String user, String password) {

        static Db of(Map<String, String> props) {
            return new Db(props.get("datasources.default.url"), props.get("datasources.default.username"),
                    props.get("datasources.default.password"));
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        long count(String where, Object... params) {
            return ((Number) rows("SELECT count(*) AS n FROM journal_entry WHERE " + where, params).get(0).get("n"))
                    .longValue();
        }

        List<Map<String, Object>> rows(String sql, Object... params) {
            try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    st.setObject(i + 1, params[i]);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                            row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }

    /** A producer that does not wait record by record, for tests that need thousands of records. */
    static KafkaProducer<String, byte[]> bulkProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10), new StringSerializer(), new ByteArraySerializer());
    }

    static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return record;
    }
}
