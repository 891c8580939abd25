package eventshop.orders;

import eventshop.events.EventCodec;
import eventshop.testing.Http;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import eventshop.testing.TestPostgres;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * The set-up every test of the running service shares: a database of its own and the shared broker, an HTTP client
 * on the service, a Kafka client on the broker, and the test catalog already in the service's replica. A test class
 * extends it with {@code @MicronautTest(transactional = false)}, opens its topic watchers in its own
 * {@code @BeforeAll} (JUnit runs this class's first) and closes them in its {@code @AfterAll} (run before this one's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OrdersServiceFixture implements TestPropertyProvider {

    private final String databasePrefix;
    private HttpClient client;

    protected JsonMapper jsonMapper;
    protected EventCodec codec;
    protected Http http;
    protected KafkaTestClient kafka;
    /** The test's own database, for what the API does not show (rows left behind, SQL fixtures). */
    protected TestPostgres.Database database;

    protected OrdersServiceFixture(String databasePrefix) {
        this.databasePrefix = databasePrefix;
    }

    @Inject
    public void inject(@Client("/") HttpClient client, JsonMapper jsonMapper, EventCodec codec) {
        this.client = client;
        this.jsonMapper = jsonMapper;
        this.codec = codec;
    }

    /** What a test class adds to the infrastructure's properties, or overrides in them. */
    protected Map<String, String> properties() {
        return Map.of();
    }

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.properties(databasePrefix));
        database = TestPostgres.Database.of(properties);
        properties.putAll(properties());
        return properties;
    }

    @BeforeAll
    void startClientsAndPublishTheCatalog() {
        http = new Http(client.toBlocking(), jsonMapper);
        kafka = KafkaTestClient.forSharedBroker();
        TestCatalog.publishAllAndAwaitReplica(kafka, codec, http);
    }

    @AfterAll
    void closeClients() {
        kafka.close();
    }
}
