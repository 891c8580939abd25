package eventshop.orders;

import eventshop.events.EventCodec;
import eventshop.events.EventHeaders;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import eventshop.platform.outbox.OutboxRepository;
import eventshop.testing.Http;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eventshop.orders.OrderApiTest.order;
import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guaranteed delivery, proven against the real broker: while the relay cannot reach Kafka, orders are still accepted
 * and their events wait in the outbox; the service then stops without having published them (as after a crash
 * between commit and publish); a new instance on the same database publishes every one of them. Two instances
 * relaying at once publish each event once.
 */
class OutboxBrokerOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void ordersTakenWhileTheBrokerIsUnreachableArePublishedWhenItIsBack() throws Exception {
        Map<String, Object> healthy = new HashMap<>(TestInfrastructure.properties("orders"));
        healthy.put("micronaut.server.port", "-1");
        Map<String, Object> brokerDown = new HashMap<>(healthy);
        brokerDown.put("kafka.producers.outbox-relay.bootstrap.servers", "127.0.0.1:" + deadPort());
        brokerDown.put("kafka.producers.outbox-relay.max.block.ms", "300");
        brokerDown.put("eventshop.outbox.max-backoff", "1s");

        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
             KafkaTestClient.TopicWatcher orders = kafka.watch(List.of(Topics.ORDERS))) {
            List<String> ids = new ArrayList<>();
            try (EmbeddedServer outage = ApplicationContext.run(EmbeddedServer.class, brokerDown, "test")) {
                ApplicationContext context = outage.getApplicationContext();
                Http http = http(outage);
                TestCatalog.publishAllAndAwaitReplica(kafka, context.getBean(EventCodec.class), http);

                for (int i = 0; i < 3; i++) {
                    Http.Reply reply = http.send(HttpRequest.POST("/orders",
                            order("Outage " + i, "outage@example.com", "TEST-ESP", "1")));
                    assertThat(reply.status()).as("accepted while the broker is unreachable").isEqualTo(201);
                    ids.add(reply.json().get("id").getStringValue());
                }
                double failures = counter(context, EventMetrics.OUTBOX_PUBLISH_FAILURES);
                await().atMost(WAIT).until(() -> counter(context, EventMetrics.OUTBOX_PUBLISH_FAILURES) >= failures + 2);

                assertThat(context.getBean(OutboxRepository.class).countUnpublished()).isEqualTo(3);
                String prometheus = http.send(HttpRequest.GET("/prometheus")).body();
                assertThat(OrderApiTest.metricValue(prometheus, "eventshop_outbox_pending")).isEqualTo(3.0);
                assertThat(OrderApiTest.metricValue(prometheus, "eventshop_outbox_oldest_age_seconds")).isPositive();
                assertThat(placedFor(orders, ids)).isEmpty();
                assertThat(http.send(HttpRequest.GET("/orders/" + ids.get(0))).status()).isEqualTo(200);
            } // stopped with the events still unpublished: its shutdown drain cannot reach the broker either

            try (EmbeddedServer recovered = ApplicationContext.run(EmbeddedServer.class, healthy, "test")) {
                await().atMost(WAIT).until(() -> placedFor(orders, ids).size() == 3);
                OutboxRepository outbox = recovered.getApplicationContext().getBean(OutboxRepository.class);
                await().atMost(WAIT).until(() -> outbox.countUnpublished() == 0);

                Map<String, Object> secondInstance = new HashMap<>(healthy);
                secondInstance.put("grpc.server.port", TestInfrastructure.grpcPort());
                try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, secondInstance, "test")) {
                    List<String> more = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        Http http = http(i % 2 == 0 ? recovered : second);
                        more.add(http.send(HttpRequest.POST("/orders",
                                order("Twin " + i, "twin@example.com", "TEST-LAT", "1"))).json().get("id").getStringValue());
                    }
                    await().atMost(WAIT).until(() -> placedFor(orders, more).size() >= 10);
                    assertThat(placedFor(orders, more)).as("each event published once by two relays").hasSize(10);
                }
            }
        }
    }

    private static Http http(EmbeddedServer server) {
        return new Http(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking(),
                server.getApplicationContext().getBean(JsonMapper.class));
    }

    private static List<ConsumerRecord<String, byte[]>> placedFor(KafkaTestClient.TopicWatcher watcher, List<String> ids) {
        return watcher.records().stream().filter(r -> ids.contains(r.key()))
                .filter(r -> "OrderPlaced".equals(header(r, EventHeaders.EVENT_TYPE))).toList();
    }

    private static double counter(ApplicationContext context, String name) {
        return EventMetrics.total(context.getBean(MeterRegistry.class), name);
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again at once: nothing listens there
        }
    }
}
