package eventshop.platform.http;

import eventshop.testing.Http;
import eventshop.testing.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees of each way a service refuses a request, and of a request the server cannot read. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemsTest implements TestPropertyProvider {

    private static final String ORDER_ID = UUID.randomUUID().toString();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties("platform_problems");
    }

    @Test
    void aRefusalKeepsItsStatusTitleAndDetail() {
        JsonNode problem = refused(HttpRequest.GET("/problem-probe/titled"), 404);
        assertThat(problem.get("title").getStringValue()).isEqualTo("Unknown product");
        assertThat(problem.get("detail").getStringValue()).isEqualTo("There is no product with SKU X-1");

        JsonNode untitled = refused(HttpRequest.GET("/problem-probe/untitled"), 400);
        assertThat(untitled.get("title").getStringValue()).isEqualTo("Bad Request");
        assertThat(untitled.get("detail").getStringValue()).isEqualTo("'from' is after 'to'");
    }

    @Test
    void aRefusalOfSeveralFieldsNamesEachLikeBeanValidation() {
        JsonNode problem = refused(HttpRequest.GET("/problem-probe/fields"), 400);
        assertThat(fields(problem)).containsExactly("lines[1].sku", "lines");
        JsonNode validation = refused(post("{\"orderId\":\"" + ORDER_ID + "\",\"quantity\":0}"), 400);
        assertThat(problem.get("type").getStringValue()).isEqualTo(validation.get("type").getStringValue());
        assertThat(fields(validation)).containsExactly("quantity");
    }

    @Test
    void aPlainHttpStatusExceptionKeepsItsMessage() {
        JsonNode problem = refused(HttpRequest.GET("/problem-probe/status-exception"), 409);
        assertThat(problem.get("detail").getStringValue()).isEqualTo("Order 42 is CANCELLED");
    }

    @Test
    void anUnreadablePathValueIsNamed() {
        JsonNode problem = refused(HttpRequest.GET("/problem-probe/orders/42"), 400);
        assertThat(fields(problem)).containsExactly("id");
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"orderId\": | body",
            "not json | body",
            "{\"orderId\":\"ID\",\"quantity\":1,\"lines\":[{\"sku\": | body",
            "{\"orderId\":\"ID\",\"quantity\":1,\"lines\":[{\"sku\":oops}]} | body",
            "[] | body",
            "{\"orderId\":\"not-a-uuid\",\"quantity\":1} | orderId",
            "{\"orderId\":\"ID\",\"quantity\":\"many\"} | quantity",
            "{\"orderId\":\"ID\",\"quantity\":99999999999} | quantity",
            "{\"orderId\":\"ID\",\"quantity\":1,\"at\":\"last tuesday\"} | at",
            "{\"orderId\":\"ID\",\"quantity\":1,\"deliver_at\":\"soon\"} | deliver_at",
            "{\"orderId\":\"ID\",\"quantity\":1,\"lines\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":\"x\"}]} | lines[1].quantity"})
    void anUnreadableBodyIsA400NamingTheFieldOrTheBody(String body, String field) {
        JsonNode problem = refused(post(body.replace("ID", ORDER_ID)), 400);
        assertThat(fields(problem)).containsExactly(field);
    }

    private static HttpRequest<String> post(String body) {
        return HttpRequest.POST("/problem-probe/orders", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private JsonNode refused(HttpRequest<?> request, int status) {
        Http.Reply reply = new Http(client.toBlocking(), json).send(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "eventshop.", "java.", "jackson", "Source", "line:");
        assertThat(reply.json().get("status").getIntValue()).isEqualTo(status);
        return reply.json();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("violations").values().forEach(v -> fields.add(v.get("field").getStringValue()));
        return fields;
    }
}
