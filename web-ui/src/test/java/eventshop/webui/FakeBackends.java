package eventshop.webui;

import eventshop.testing.TestInfrastructure;

import java.util.HashMap;
import java.util.Map;

/**
 * The three back-ends web-ui talks to, as real servers on free ports: orders-service over gRPC and its catalog over
 * HTTP, inventory and audit over HTTP. A test class gives them their answers, hands {@link #properties()} to web-ui
 * and closes them at the end.
 */
public final class FakeBackends implements AutoCloseable {

    public final FakeOrders orders = new FakeOrders();
    public final FakeBackend catalog = new FakeBackend();
    public final FakeBackend inventory = new FakeBackend();
    public final FakeBackend audit = new FakeBackend();

    /** web-ui's settings for these back-ends, the test broker and a staff account; redirects are not followed. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.kafkaProperties());
        properties.put("micronaut.http.services.orders.url", catalog.url());
        properties.put("grpc.channels.orders.address", orders.address());
        properties.put("micronaut.http.services.inventory.url", inventory.url());
        properties.put("micronaut.http.services.audit.url", audit.url());
        properties.put("micronaut.http.client.follow-redirects", "false");
        properties.putAll(StaffSession.properties());
        return properties;
    }

    @Override
    public void close() {
        orders.close();
        catalog.close();
        inventory.close();
        audit.close();
    }
}
