package eventshop.webui.sales;

import eventshop.testing.TestInfrastructure;
import eventshop.webui.FakeBackend;
import eventshop.webui.FakeBackend.Response;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import static org.assertj.core.api.Assertions.assertThat;


/** The Sales page against a real HTTP server standing in for analytics-service. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesPageTest implements TestPropertyProvider {

    private final FakeBackend analytics = new FakeBackend();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String minutes = IntStream.range(0, SalesController.MINUTES).mapToObj(i -> {
            Instant start = now.minus(SalesController.MINUTES - 1L - i, ChronoUnit.MINUTES);
            boolean busy = i == SalesController.MINUTES - 1;
            return "{\"start\":\"" + start + "\",\"ordersPlaced\":" + (busy ? 2 : 0) + ",\"ordersConfirmed\":"
                    + (busy ? 2 : 0) + ",\"ordersRejected\":0,\"ordersCancelled\":" + (busy ? 1 : 0)
                    + ",\"units\":" + (busy ? 3 : 0) + ",\"revenue\":" + (busy ? "7.50" : "0") + "}";
        }).collect(Collectors.joining(","));
        analytics.answer("GET", "/sales/products", Response.json("""
                        [{"sku":"ESP","name":"Espresso","units":3,"revenue":7.50,"currency":"EUR"},
                         {"sku":"MUG","name":"Mug","units":0,"revenue":0.00,"currency":"EUR"}]"""))
                .answer("GET", "/sales/timeline", Response.json("{\"currency\":\"EUR\",\"minutes\":[" + minutes + "]}"))
                .answer("GET", "/sales/shop", Response.json("""
                        {"ordersPlaced":2,"ordersConfirmed":2,"ordersRejected":0,"ordersCancelled":1,
                         "confirmationRate":1.0,"cancellationRate":0.5,"units":3,"revenue":7.50,"currency":"EUR",
                         "topProducts":[{"sku":"ESP","name":"Espresso","units":3,"revenue":7.50}]}"""));
        Map<String, String> props = new HashMap<>(TestInfrastructure.kafkaProperties());
        props.put("micronaut.http.services.analytics.url", analytics.url());
        // The test's own client: a page makes three backend calls, which on a busy shared machine can take a while.
        props.put("micronaut.http.client.read-timeout", "30s");
        return props;
    }

    @AfterAll
    void stopBackend() {
        analytics.close();
    }

    @Test
    void theSalesPageDrawsTheFiguresAsChartsAndTablesAndRefreshesOnShopSales() {
        Document page = Jsoup.parse(client.toBlocking().retrieve(HttpRequest.GET("/sales"), String.class));

        assertThat(page.select("nav a.active").text()).isEqualTo("Sales");
        assertThat(page.select("#sales-figures").attr("data-live-topics")).isEqualTo("shop.sales");
        assertThat(page.select("#sales-figures").attr("data-live-src")).isEqualTo("/sales/figures");
        assertThat(page.select("[data-figure=revenue]").text()).isEqualTo("7.50 EUR");
        assertThat(page.select("[data-figure=cancelled]").text()).isEqualTo("1 (50 %)");
        assertThat(page.select(".products-table td.units").eachText()).isEqualTo(List.of("3", "0"));
        assertThat(page.select("svg.timeline-chart rect.revenue-bar").size()).isEqualTo(SalesController.MINUTES);
        assertThat(page.select("svg.timeline-chart").attr("role")).isEqualTo("img");
        assertThat(page.select("svg.timeline-chart text.value-label").eachText()).as("units are written next to their dot, not only drawn").contains("3");
        assertThat(page.select(".minutes-table tbody tr").size()).as("only minutes with activity").isEqualTo(1);
        assertThat(page.select("svg.products-chart rect.product-revenue").size()).isEqualTo(2);
        assertThat(page.select(".top-list li strong").text()).isEqualTo("Espresso");
    }

    @Test
    void theFiguresRegionAloneIsWhatThePageRefetches() {
        Document region = Jsoup.parse(client.toBlocking().retrieve(HttpRequest.GET("/sales/figures"), String.class));

        assertThat(region.select("nav").size()).isEqualTo(0);
        assertThat(region.select("[data-figure=revenue]").text()).isEqualTo("7.50 EUR");
    }
}
