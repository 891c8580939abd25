package eventshop.inventory;

import eventshop.testing.OpenApiContract;
import eventshop.testing.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /openapi.yml describes every route of the service with its problem responses; the views load it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties("inventory_openapi");
    }

    @Test
    void everyRouteIsDescribedWithItsProblemResponses() {
        String document = client.toBlocking().retrieve(HttpRequest.GET("/openapi.yml"), String.class);
        List<OpenApiContract.Route> routes = OpenApiContract.routesOf(router, "eventshop.inventory");

        assertThat(routes).extracting(OpenApiContract.Route::path)
                .contains("/products", "/products/{sku}", "/products/{sku}/restock", "/reservations", "/notifications");
        assertThat(OpenApiContract.gaps(document, routes)).isEmpty();
        assertThat(OpenApiContract.statuses(document, "get", "/products/{sku}")).contains("200", "404");
        assertThat(OpenApiContract.statuses(document, "post", "/products/{sku}/restock"))
                .contains("200", "400", "404", "409", "415");
    }

    @Test
    void swaggerUiAndRedocShowTheDescriptionWithoutLeavingTheService() {
        OpenApiContract.assertViewsServeTheDescription(client);
    }
}
