package eventshop.analytics.messaging;

import eventshop.analytics.AnalyticsConfiguration;
import eventshop.analytics.domain.ProductFigures;
import eventshop.analytics.domain.ShopFigures;
import eventshop.events.Customer;
import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderLine;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.ProductSales;
import eventshop.events.ProductSnapshot;
import eventshop.events.ShopSales;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonObjectSerializer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sales topology on Kafka Streams' own test driver: windows, cancellations, late events, duplicates, poison. */
@MicronautTest(startApplication = false)
class SalesTopologyTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    static final Customer ADA = new Customer("Ada Lovelace", "ada@example.com");
    static final OrderLine TWO_ESPRESSOS = new OrderLine("ESP-001", "Espresso", new BigDecimal("2.50"), 2);
    static final OrderLine ONE_LATTE = new OrderLine("LAT-001", "Latte", new BigDecimal("3.20"), 1);

    @Inject
    EventCodec codec;
    @Inject
    JsonObjectSerializer json;

    final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
    final EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> orders;
    TestInputTopic<String, byte[]> catalog;
    TestOutputTopic<String, byte[]> sales;

    @BeforeEach
    void startDriver() throws Exception {
        AnalyticsConfiguration configuration = new AnalyticsConfiguration();
        configuration.setGrace(Duration.ofMinutes(1));
        configuration.setStateDir(Files.createTempDirectory("sales-topology").toString());
        Properties properties = new Properties();
        properties.putAll(StreamsFactory.properties(configuration, "test:9092", 1));
        properties.put(DeadLetteringDeserializationHandler.DEAD_LETTERS,
                (DeadLetters) (record, error) -> deadLetters.add(record));
        driver = new TopologyTestDriver(new SalesTopology(codec, json, configuration, metrics, "analytics-service")
                .build(), properties);
        orders = driver.createInputTopic(Topics.ORDERS, new StringSerializer(), new ByteArraySerializer());
        catalog = driver.createInputTopic(Topics.CATALOG, new StringSerializer(), new ByteArraySerializer());
        sales = driver.createOutputTopic(Topics.SALES, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void confirmedOrdersCountPerProductInTheirMinuteAndInTheRunningTotals() {
        UUID first = placeAndConfirm(T0.plusSeconds(10), TWO_ESPRESSOS);
        UUID second = placeAndConfirm(T0.plusSeconds(70), TWO_ESPRESSOS, ONE_LATTE);

        assertThat(minute("ESP-001", T0)).isEqualTo(new Figures(2, "5.00"));
        assertThat(minute("ESP-001", T0.plusSeconds(60))).isEqualTo(new Figures(2, "5.00"));
        assertThat(minute("LAT-001", T0.plusSeconds(60))).isEqualTo(new Figures(1, "3.20"));
        assertThat(total("ESP-001")).isEqualTo(new Figures(4, "10.00"));
        assertThat(total("LAT-001")).isEqualTo(new Figures(1, "3.20"));

        ShopFigures firstMinute = shopMinute(T0);
        assertThat(firstMinute.placed()).isEqualTo(1);
        assertThat(firstMinute.confirmed()).isEqualTo(1);
        assertThat(firstMinute.revenue()).isEqualByComparingTo("5.00");
        assertThat(shopMinute(T0.plusSeconds(60)).revenue()).isEqualByComparingTo("8.20");

        Map<String, DomainEvent> latest = latestSales();
        assertThat(latest.get("ESP-001")).isEqualTo(new ProductSales("ESP-001", "Espresso", 4, new BigDecimal("10.00"),
                "EUR"));
        ShopSales shop = (ShopSales) latest.get(ShopSales.KEY);
        assertThat(shop.ordersPlaced()).isEqualTo(2);
        assertThat(shop.ordersConfirmed()).isEqualTo(2);
        assertThat(shop.confirmationRate()).isEqualTo(1.0);
        assertThat(shop.revenue()).isEqualByComparingTo("13.20");
        assertThat(shop.units()).isEqualTo(5);
        assertThat(shop.minute().start()).isEqualTo(T0.plusSeconds(60));
        assertThat(shop.topProducts()).extracting("sku").containsExactly("ESP-001", "LAT-001");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void cancellingAConfirmedOrderTakesItsSaleBackInTheMinuteOfTheCancellation() {
        UUID order = placeAndConfirm(T0.plusSeconds(5), TWO_ESPRESSOS, ONE_LATTE);
        send(order, new OrderCancelled(ADA, "changed my mind"), T0.plusSeconds(65));

        assertThat(total("ESP-001")).isEqualTo(new Figures(0, "0.00"));
        assertThat(total("LAT-001")).isEqualTo(new Figures(0, "0.00"));
        assertThat(minute("ESP-001", T0)).isEqualTo(new Figures(2, "5.00"));
        assertThat(minute("ESP-001", T0.plusSeconds(60))).isEqualTo(new Figures(-2, "-5.00"));
        ShopFigures shop = shopTotals();
        assertThat(shop.cancelled()).isEqualTo(1);
        assertThat(shop.units()).isZero();
        assertThat(shop.revenue()).isEqualByComparingTo("0");
        assertThat(shop.cancellationRate()).isEqualTo(1.0);
        assertThat(((ShopSales) latestSales().get(ShopSales.KEY)).topProducts()).isEmpty();
    }

    @Test
    void cancellingOrRejectingAnOrderNeverConfirmedSellsNothing() {
        UUID pending = place(T0.plusSeconds(1), TWO_ESPRESSOS);
        send(pending, new OrderCancelled(ADA, "too slow"), T0.plusSeconds(2));
        UUID rejected = place(T0.plusSeconds(3), ONE_LATTE);
        send(rejected, new OrderRejected(ADA, "not enough stock"), T0.plusSeconds(4));
        placeAndConfirm(T0.plusSeconds(5), ONE_LATTE);

        assertThat(total("ESP-001")).isNull();
        assertThat(total("LAT-001")).isEqualTo(new Figures(1, "3.20"));
        ShopFigures shop = shopTotals();
        assertThat(shop.placed()).isEqualTo(3);
        assertThat(shop.cancelled()).isEqualTo(1);
        assertThat(shop.rejected()).isEqualTo(1);
        assertThat(shop.confirmed()).isEqualTo(1);
        assertThat(shop.confirmationRate()).isEqualTo(0.5);
        assertThat(shop.units()).isEqualTo(1);
    }

    @Test
    void aLateEventCountsInItsMinuteWithinTheGracePeriodAndOnlyInTheTotalsAfterIt() {
        UUID inGrace = place(T0.plusSeconds(10), TWO_ESPRESSOS);
        UUID tooLate = place(T0.plusSeconds(20), ONE_LATTE);
        placeAndConfirm(T0.plusSeconds(90), ONE_LATTE); // stream time 10:01:30: window 10:00 open until 10:02
        send(inGrace, new OrderConfirmed(ADA, new BigDecimal("5.00"), "EUR"), T0.plusSeconds(30));
        placeAndConfirm(T0.plusSeconds(300), ONE_LATTE); // stream time 10:05: window 10:00 is closed
        send(tooLate, new OrderConfirmed(ADA, new BigDecimal("3.20"), "EUR"), T0.plusSeconds(40));

        assertThat(minute("ESP-001", T0)).as("within grace").isEqualTo(new Figures(2, "5.00"));
        assertThat(minute("LAT-001", T0)).as("after grace: the window is closed").isNull();
        assertThat(total("LAT-001")).as("the running total still counts it").isEqualTo(new Figures(3, "9.60"));
        assertThat(shopMinute(T0).confirmed()).isEqualTo(1);
    }

    @Test
    void aRedeliveredOrReplayedEventIsCountedOnce() {
        UUID order = UUID.randomUUID();
        EventEnvelope placed = envelope(order, new OrderPlaced(ADA, List.of(TWO_ESPRESSOS), new BigDecimal("5.00"),
                "EUR"), T0.plusSeconds(1));
        EventEnvelope confirmed = envelope(order, new OrderConfirmed(ADA, new BigDecimal("5.00"), "EUR"),
                T0.plusSeconds(2));
        pipe(order, placed);
        pipe(order, confirmed);
        pipe(order, confirmed);
        pipe(order, placed);
        TestRecord<String, byte[]> replay = new TestRecord<>(order.toString(), codec.encode(confirmed));
        replay.headers().add(EventHeaders.REPLAYED, "true".getBytes(StandardCharsets.UTF_8));
        orders.pipeInput(replay);

        assertThat(total("ESP-001")).isEqualTo(new Figures(2, "5.00"));
        assertThat(shopTotals().placed()).isEqualTo(1);
        assertThat(shopTotals().confirmed()).isEqualTo(1);
        assertThat(EventMetrics.total(metrics.registry(), EventMetrics.DUPLICATES)).isEqualTo(3);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheStreamGoesOn() {
        orders.pipeInput("not-an-order", "hello kafka".getBytes(StandardCharsets.UTF_8));
        orders.pipeInput("bad-type", ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"OrderTeleported\","
                + "\"version\":1,\"occurredAt\":\"2026-12-02T10:00:00Z\",\"source\":\"x\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        placeAndConfirm(T0.plusSeconds(3), ONE_LATTE);

        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("not-an-order", "bad-type");
        assertThat(deadLetters.get(0).topic()).isEqualTo(Topics.ORDERS);
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hello kafka");
        assertThat(total("LAT-001")).isEqualTo(new Figures(1, "3.20"));
    }

    @Test
    void salesRecordsAreEnvelopesWithTheRelaysHeadersNotTheInputs() {
        placeAndConfirm(T0.plusSeconds(3), ONE_LATTE);

        List<TestRecord<String, byte[]>> records = sales.readRecordsToList();
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            EventEnvelope envelope = codec.decode(record.value());
            assertThat(envelope.source()).isEqualTo("analytics-service");
            assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                    .isEqualTo(envelope.type());
            assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(envelope.eventId().toString());
            assertThat(record.headers().headers(EventHeaders.EVENT_TYPE)).hasSize(1);
        });
    }

    @Test
    void theCatalogGivesEveryProductANameBeforeItSells() {
        catalog.pipeInput("MUG-001", codec.encode(EventEnvelope.of(new ProductSnapshot("MUG-001", "Mug", "A mug",
                new BigDecimal("8.00"), "EUR", 10, 2), null, null, "inventory-notification-service")));

        KeyValueStore<String, EventEnvelope> products = driver.getKeyValueStore(SalesStores.CATALOG);
        assertThat(((ProductSnapshot) products.get("MUG-001").data()).name()).isEqualTo("Mug");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    record Figures(long units, String revenue) {
        static Figures of(ProductFigures figures) {
            return figures == null ? null : new Figures(figures.units(), figures.revenue().toPlainString());
        }
    }

    UUID place(Instant at, OrderLine... lines) {
        UUID order = UUID.randomUUID();
        BigDecimal total = List.of(lines).stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        send(order, new OrderPlaced(ADA, List.of(lines), total, "EUR"), at);
        return order;
    }

    UUID placeAndConfirm(Instant at, OrderLine... lines) {
        UUID order = place(at, lines);
        BigDecimal total = List.of(lines).stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        send(order, new OrderConfirmed(ADA, total, "EUR"), at.plusMillis(200));
        return order;
    }

    void send(UUID order, DomainEvent data, Instant at) {
        pipe(order, envelope(order, data, at));
    }

    void pipe(UUID order, EventEnvelope envelope) {
        orders.pipeInput(order.toString(), codec.encode(envelope));
    }

    static EventEnvelope envelope(UUID order, DomainEvent data, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), data.type(), EventEnvelope.CURRENT_VERSION, at, order,
                "req-" + order, "orders-service", data);
    }

    Figures total(String sku) {
        KeyValueStore<String, ProductFigures> totals = driver.getKeyValueStore(SalesStores.PRODUCT_TOTALS);
        return Figures.of(totals.get(sku));
    }

    Figures minute(String sku, Instant start) {
        WindowStore<String, ProductFigures> minutes = driver.getWindowStore(SalesStores.PRODUCT_MINUTES);
        return Figures.of(minutes.fetch(sku, start.toEpochMilli()));
    }

    ShopFigures shopMinute(Instant start) {
        WindowStore<String, ShopFigures> minutes = driver.getWindowStore(SalesStores.SHOP_MINUTES);
        try (WindowStoreIterator<ShopFigures> found = minutes.fetch(ShopSales.KEY, start, start)) {
            return found.hasNext() ? found.next().value : null;
        }
    }

    ShopFigures shopTotals() {
        KeyValueStore<String, ShopFigures> totals = driver.getKeyValueStore(SalesStores.SHOP_TOTALS);
        return totals.get(ShopSales.KEY);
    }

    Map<String, DomainEvent> latestSales() {
        Map<String, DomainEvent> latest = new LinkedHashMap<>();
        for (KeyValue<String, byte[]> record : sales.readKeyValuesToList()) {
            latest.put(record.key, codec.decode(record.value).data());
        }
        return latest;
    }
}
