package eventshop.analytics;

import eventshop.analytics.api.MinuteView;
import eventshop.analytics.api.ProductSalesView;
import eventshop.analytics.api.TimelineView;
import eventshop.events.Customer;
import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.ProductSales;
import eventshop.events.ProductSnapshot;
import eventshop.events.ShopSales;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The real service on the real in-process broker: order events in, figures on GET /sales/products and on shop.sales,
 * a poison record on shop.deadletter, and a restart that resumes from the changelogs without counting twice.
 */
class SalesOnTheBrokerTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final Customer ADA = new Customer("Ada Lovelace", "ada@example.com");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String espresso = "IT-ESP-" + run;
    final String latte = "IT-LAT-" + run;
    final Map<String, Object> properties = new HashMap<>();
    EmbeddedServer server;
    BlockingHttpClient http;
    EventCodec codec;

    @AfterEach
    void stop() {
        stopService();
    }

    @Test
    void ordersMoveTheFiguresByExactlyTheirAmountsOnceEvenAcrossARestart() throws Exception {
        properties.put("eventshop.analytics.commit-interval", "100ms");
        startOnTheSharedBroker();

        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher watcher = kafka.watch(List.of(Topics.SALES, Topics.DEADLETTER))) {
            kafka.send(Topics.CATALOG, espresso, EventEnvelope.of(new ProductSnapshot(espresso, "Espresso " + run, "",
                    new BigDecimal("2.50"), "EUR", 50, 5), null, null, "inventory-notification-service"), codec);
            await().atMost(PATIENCE).until(() -> product(espresso) != null);
            assertThat(product(espresso).units()).isZero();

            UUID first = order(kafka, new OrderLine(espresso, "Espresso " + run, new BigDecimal("2.50"), 2));
            UUID second = order(kafka, new OrderLine(espresso, "Espresso " + run, new BigDecimal("2.50"), 1),
                    new OrderLine(latte, "Latte " + run, new BigDecimal("3.20"), 3));
            EventEnvelope cancelled = event(second, new OrderCancelled(ADA, "changed my mind"));
            kafka.send(Topics.ORDERS, second.toString(), cancelled, codec);
            kafka.send(Topics.ORDERS, second.toString(), cancelled, codec); // a redelivery
            kafka.sendRaw(Topics.ORDERS, "poison-" + run, "hello kafka".getBytes());

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(product(espresso)).isEqualTo(new ProductSalesView(espresso, "Espresso " + run, 2,
                        new BigDecimal("5.00"), "EUR"));
                assertThat(product(latte)).isEqualTo(new ProductSalesView(latte, "Latte " + run, 0,
                        new BigDecimal("0.00"), "EUR"));
            });
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(latestSale(watcher, espresso)).isEqualTo(new ProductSales(espresso, "Espresso " + run, 2,
                        new BigDecimal("5.00"), "EUR"));
                assertThat(watcher.records()).anySatisfy(record -> {
                    assertThat(record.topic()).isEqualTo(Topics.DEADLETTER);
                    assertThat(record.key()).isEqualTo("poison-" + run);
                    assertThat(KafkaTestClient.header(record, EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo(Topics.ORDERS);
                    assertThat(KafkaTestClient.header(record, EventHeaders.DLT_CONSUMER_GROUP))
                            .isEqualTo("analytics-test-" + run);
                });
                assertThat(watcher.records()).anySatisfy(record -> assertThat(record.key()).isEqualTo(ShopSales.KEY));
            });
            TimelineView timeline = http.retrieve(HttpRequest.GET("/sales/timeline?minutes=5&sku=" + espresso),
                    TimelineView.class);
            assertThat(timeline.minutes()).hasSize(5);
            assertThat(timeline.minutes().stream().mapToLong(MinuteView::units).sum()).isEqualTo(2);

            stopService();
            startService();
            assertThat(product(espresso).units()).as("restored from the changelog, not counted again").isEqualTo(2);
            order(kafka, new OrderLine(espresso, "Espresso " + run, new BigDecimal("2.50"), 4));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(product(espresso)).isEqualTo(
                    new ProductSalesView(espresso, "Espresso " + run, 6, new BigDecimal("15.00"), "EUR")));
            assertThat(first).isNotNull();
        }
    }

    @Test
    void anOrderConfirmedBeforeARestartIsTakenBackByItsCancellationAfterIt() throws Exception {
        startOnTheSharedBroker();

        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            // Placed and confirmed within one commit interval: the cached placed-orders store must still reach its
            // changelog at the commit, or the restarted instance would not know the order's lines.
            UUID order = order(kafka, new OrderLine(espresso, "Espresso " + run, new BigDecimal("2.50"), 2));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(product(espresso)).extracting(ProductSalesView::units)
                    .isEqualTo(2L));

            stopService();
            startService();
            kafka.send(Topics.ORDERS, order.toString(), event(order, new OrderCancelled(ADA, "changed my mind")), codec);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(product(espresso)).isEqualTo(
                    new ProductSalesView(espresso, "Espresso " + run, 0, new BigDecimal("0.00"), "EUR")));
        }
    }

    @Test
    void aTimelineOfNoMinutesIsRefusedNamingTheParameter() throws Exception {
        startOnTheSharedBroker();

        assertThatThrownBy(() -> http.exchange(HttpRequest.GET("/sales/timeline?minutes=0"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getContentType().orElseThrow().toString())
                            .isEqualTo("application/problem+json");
                    assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("minutes");
                });
    }

    /** Runs the service with its stream processor on the shared broker, under this test's own application id. */
    void startOnTheSharedBroker() throws Exception {
        properties.putAll(TestInfrastructure.kafkaProperties());
        properties.put("eventshop.analytics.start", "true");
        properties.put("eventshop.analytics.application-id", "analytics-test-" + run);
        properties.put("eventshop.analytics.state-dir", Files.createTempDirectory("analytics-state").toString());
        startService();
    }

    void startService() {
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        codec = server.getApplicationContext().getBean(EventCodec.class);
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
        await().atMost(PATIENCE).until(() -> {
            try {
                HttpResponse<String> health = http.exchange(HttpRequest.GET("/health"), String.class);
                return health.getStatus().getCode() == 200;
            } catch (HttpClientResponseException e) {
                return false;
            }
        });
    }

    void stopService() {
        if (server != null) {
            server.getApplicationContext().close();
            server = null;
        }
    }

    ProductSalesView product(String sku) {
        return http.retrieve(HttpRequest.GET("/sales/products"), Argument.listOf(ProductSalesView.class)).stream()
                .filter(p -> p.sku().equals(sku)).findFirst().orElse(null);
    }

    UUID order(KafkaTestClient kafka, OrderLine... lines) {
        UUID order = UUID.randomUUID();
        BigDecimal total = List.of(lines).stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        kafka.send(Topics.ORDERS, order.toString(), event(order, new OrderPlaced(ADA, List.of(lines), total, "EUR")),
                codec);
        kafka.send(Topics.ORDERS, order.toString(), event(order, new OrderConfirmed(ADA, total, "EUR")), codec);
        return order;
    }

    static EventEnvelope event(UUID order, DomainEvent data) {
        return EventEnvelope.of(data, order, "it-" + order, "orders-service");
    }

    DomainEvent latestSale(KafkaTestClient.TopicWatcher watcher, String sku) {
        DomainEvent latest = null;
        for (ConsumerRecord<String, byte[]> record : watcher.records()) {
            if (record.topic().equals(Topics.SALES) && sku.equals(record.key())) {
                latest = codec.decode(record.value()).data();
            }
        }
        return latest;
    }
}
