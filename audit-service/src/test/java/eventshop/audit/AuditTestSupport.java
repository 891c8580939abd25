package eventshop.audit;

import eventshop.testing.KafkaBroker;
import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
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
        Map<String, String> props = new HashMap<>(TestInfrastructure.propertiesWithAppRole("audit"));
        props.put("eventshop.audit.consumer-group", "audit-test-" + UUID.randomUUID());
        props.put("eventshop.audit.topic-discovery-ms", "1000");
        props.putAll(extra);
        return props;
    }

    /** The test class's database, and counts of its journal as it is. */
    record Db(TestPostgres.Database database) {

        /** As the service connects: a role that may add to the journal and read it. */
        static Db of(Map<String, String> props) {
            return new Db(TestPostgres.Database.of(props));
        }

        /** As the migrations connect: the database's owner. */
        static Db owner(Map<String, String> props) {
            return new Db(new TestPostgres.Database(props.get("datasources.default.url"),
                    props.get("flyway.datasources.default.user"), props.get("flyway.datasources.default.password")));
        }

        Connection connect() throws SQLException {
            return database.connect();
        }

        long count(String where, Object... params) {
            return database.queryLong("SELECT count(*) FROM journal_entry WHERE " + where, params);
        }

        List<Map<String, Object>> rows(String sql, Object... params) {
            return database.rows(sql, params);
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
