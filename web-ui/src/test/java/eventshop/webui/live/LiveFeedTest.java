package eventshop.webui.live;

import eventshop.webui.StaffSession;
import eventshop.webui.security.CsrfTokens;
import eventshop.events.Customer;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.Topics;
import eventshop.testing.KafkaBroker;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import eventshop.webui.health.ServiceHealth;
import eventshop.webui.health.ServiceStatus;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Records on the real broker reach open pages over Server-Sent Events, valid or not. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFeedTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    SseClient sseClient;

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    ConsumerRegistry consumers;

    @Inject
    EventCodec codec;

    @Inject
    ServiceHealth health;

    @Override
    public Map<String, String> getProperties() {
        // The services create the topics at start-up; here the test does, so the pattern subscription finds them.
        KafkaBroker.shared().createTopics(Topics.ALL);
        Map<String, String> props = new HashMap<>(TestInfrastructure.kafkaProperties());
        // No backends in this test: every service URL points at a closed port.
        props.put("micronaut.http.services.orders.url", "http://127.0.0.1:9");
        props.put("grpc.channels.orders.address", "127.0.0.1:9");
        props.put("micronaut.http.services.inventory.url", "http://127.0.0.1:9");
        props.put("micronaut.http.services.audit.url", "http://127.0.0.1:9");
        // The test's own SSE client waits quietly until the listener has its partitions.
        props.put("micronaut.http.client.read-timeout", "60s");
        props.put("micronaut.http.client.follow-redirects", "false");
        props.putAll(StaffSession.properties());
        return props;
    }

    @Test
    void recordsOnShopTopicsAreStreamedToOpenPages() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        Disposable subscription = Flux.from(sseClient.eventStream(HttpRequest.GET("/live"), LiveEvent.class))
                .map(Event::getData).subscribe(received::add);
        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> consumers.getConsumerIds().stream()
                    .anyMatch(id -> !consumers.getConsumerAssignment(id).isEmpty()));
            // A consumer at "latest" fixes its position only at its first fetch after the assignment: probe until
            // a record sent now is seen, so that the records below cannot fall before that position.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                kafka.sendRaw(Topics.NOTIFICATIONS, "probe", "probe".getBytes(StandardCharsets.UTF_8));
                return received.stream().anyMatch(e -> "event".equals(e.kind()));
            });
            UUID orderId = UUID.randomUUID();
            EventEnvelope placed = EventEnvelope.of(new OrderPlaced(new Customer("Ada", "ada@example.com"),
                    List.of(new OrderLine("ESP", "Espresso", new BigDecimal("2.50"), 2)), new BigDecimal("5.00"),
                    "EUR"), orderId, "req-live-1", "orders-service");
            kafka.send(Topics.ORDERS, orderId.toString(), placed, codec);
            kafka.sendRaw(Topics.ORDERS, "garbage", "{not json".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                    .anyMatch(e -> "OrderPlaced".equals(e.type())) && received.stream().anyMatch(LiveFeedTest::isGarbage));
            LiveEvent event = received.stream().filter(e -> "OrderPlaced".equals(e.type())).findFirst().orElseThrow();
            assertThat(event.orderId()).isEqualTo(orderId.toString());
            assertThat(event.status()).isEqualTo("PENDING");
            assertThat(event.correlationId()).isEqualTo("req-live-1");
            assertThat(event.topic()).isEqualTo(Topics.ORDERS);
            assertThat(event.summary()).as("an anonymous page: customer masked").isEqualTo("A. ordered 2 × Espresso · 5.00 EUR");
            assertThat(event.maskedSummary()).isNull();
            LiveEvent invalid = received.stream().filter(LiveFeedTest::isGarbage).findFirst().orElseThrow();
            assertThat(invalid.error().contains("MALFORMED_JSON")).as(invalid.error()).isTrue();

            // A page opened afterwards starts with these events in its ticker, and every backend shows as down.
            // Anonymous visitors see the customer masked, a signed-in staff member sees them whole.
            String page = httpClient.toBlocking().retrieve("/architecture");
            assertThat(page).as("ticker shows the recent event, masked").contains("A. ordered 2 × Espresso · 5.00 EUR");
            assertThat(page.contains("Ada ordered")).as("no customer name for anonymous visitors").isFalse();
            StaffSession staff = StaffSession.signIn(httpClient, new CsrfTokens(StaffSession.SIGNING_SECRET).newToken());
            String staffPage = httpClient.toBlocking().retrieve(HttpRequest.GET("/architecture").cookie(staff.cookie()));
            assertThat(staffPage).as("staff see the customer").contains("Ada ordered 2 × Espresso · 5.00 EUR");
            assertThat(page).as("ticker marks the invalid record").contains("class=\"tick tick-invalid\"");
            String staffNotifications = httpClient.toBlocking().retrieve(HttpRequest.GET("/notifications")
                    .cookie(staff.cookie()));
            assertThat(staffNotifications).as("banner for the dead backend").contains("is not reachable right now");
        } finally {
            subscription.dispose();
        }
    }

    /** A page that (re)connects hears how every backend is now, not only the changes from then on. */
    @Test
    void aNewConnectionHearsTheHealthOfEveryBackendAtOnce() {
        // Once every backend is known to be down nothing changes any more: what arrives is the snapshot.
        await().atMost(Duration.ofSeconds(20)).until(() -> health.current().stream()
                .allMatch(s -> s.state() == ServiceStatus.State.DOWN));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        Disposable subscription = Flux.from(sseClient.eventStream(HttpRequest.GET("/live"), LiveEvent.class))
                .map(Event::getData).subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> received.stream()
                    .filter(e -> "health".equals(e.kind()) && e.status() != null).map(LiveEvent::source)
                    .collect(java.util.stream.Collectors.toSet())
                    .containsAll(List.of("orders-service", "inventory-notification-service", "audit-service")));
        } finally {
            subscription.dispose();
        }
    }

    private static boolean isGarbage(LiveEvent event) {
        return !event.valid() && Topics.ORDERS.equals(event.topic());
    }
}
