package eventshop.analytics.messaging;

import eventshop.analytics.AnalyticsConfiguration;
import eventshop.analytics.domain.ProductFigures;
import eventshop.analytics.domain.ProductRanking;
import eventshop.analytics.domain.RankedProduct;
import eventshop.analytics.domain.SalesFact;
import eventshop.analytics.domain.ShopFigures;
import eventshop.analytics.domain.ShopMinute;
import eventshop.analytics.domain.SoldLine;
import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.MinuteSales;
import eventshop.events.ProductSales;
import eventshop.events.ShopSales;
import eventshop.events.Topics;
import eventshop.platform.observability.EventMetrics;
import io.micronaut.configuration.kafka.serde.JsonObjectSerde;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonObjectSerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.List;

/**
 * The sales topology: order events in, sales figures out.
 * <pre>
 * shop.orders ─ first delivery only (seen-events) ─ order book (placed-orders) ─ sales facts
 *   ├─ by SKU ─ one-minute windows (product-minutes)
 *   │         └ running totals (product-totals) ─ ProductSales to shop.sales (key SKU)
 *   │                                           └ ranking (product-ranking) ─┐
 *   └─ shop-wide ─ one-minute windows (shop-minutes) ─ latest minute ────────┤
 *                └ running totals (shop-totals) ─────────────────────────────┴ ShopSales to shop.sales (key "*")
 * shop.catalog ─ catalog: every product's name, sold or not (queried, not joined)
 * </pre>
 * Windows are by event time ({@link EventTime}); an event later than the grace period still counts in the running
 * totals but no longer in its (closed) minute.
 */
public final class SalesTopology {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final EventCodec codec;
    private final JsonObjectSerializer json;
    private final AnalyticsConfiguration configuration;
    private final EventMetrics metrics;
    private final String source;
    private final Serde<EventEnvelope> envelopes;

    public SalesTopology(EventCodec codec, JsonObjectSerializer json, AnalyticsConfiguration configuration,
                         EventMetrics metrics, String source) {
        this.codec = codec;
        this.json = json;
        this.configuration = configuration;
        this.metrics = metrics;
        this.source = source;
        this.envelopes = new EnvelopeSerde(codec);
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(SalesStores.SEEN_EVENTS,
                configuration.getDedupeRetention(), configuration.getDedupeRetention(), false),
                Serdes.String(), Serdes.Long()));
        // Cached like the DSL's stores: an order placed and confirmed within one commit interval costs one changelog
        // record (or a tombstone), not two; the cache is flushed into the transaction at every commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SalesStores.PLACED_ORDERS),
                Serdes.String(), json(eventshop.analytics.domain.PlacedOrder.class)).withCachingEnabled());

        builder.table(Topics.CATALOG, Consumed.with(Serdes.String(), envelopes).withTimestampExtractor(new EventTime())
                .withName("catalog-snapshots"), Materialized.<String, EventEnvelope, KeyValueStore<Bytes, byte[]>>as(
                SalesStores.CATALOG).withKeySerde(Serdes.String()).withValueSerde(envelopes));

        KStream<String, SalesFact> facts = builder.stream(Topics.ORDERS, Consumed.with(Serdes.String(), envelopes)
                        .withTimestampExtractor(new EventTime()).withName("order-events"))
                .processValues(() -> new FirstDelivery(metrics),
                        Named.as("first-delivery-only"), SalesStores.SEEN_EVENTS)
                .processValues(() -> new OrderBook(metrics), Named.as("order-book"), SalesStores.PLACED_ORDERS);

        KTable<String, ProductFigures> productTotals = perProduct(facts);
        perShop(facts, productTotals);
        return builder.build();
    }

    private KTable<String, ProductFigures> perProduct(KStream<String, SalesFact> facts) {
        KGroupedStream<String, SoldLine> bySku = facts
                .flatMap((orderId, fact) -> fact.lines().stream().map(line -> KeyValue.pair(line.sku(), line)).toList(),
                        Named.as("lines-by-sku"))
                .groupByKey(Grouped.with("sales-by-sku", Serdes.String(), json(SoldLine.class)));
        bySku.windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, configuration.getGrace()))
                .aggregate(ProductFigures::none, (sku, line, figures) -> figures.plus(line),
                        Named.as("product-per-minute"),
                        Materialized.<String, ProductFigures, WindowStore<Bytes, byte[]>>as(SalesStores.PRODUCT_MINUTES)
                                .withKeySerde(Serdes.String()).withValueSerde(json(ProductFigures.class))
                                .withRetention(configuration.getWindowRetention()));
        KTable<String, ProductFigures> totals = bySku.aggregate(ProductFigures::none,
                (sku, line, figures) -> figures.plus(line), Named.as("product-running-totals"),
                Materialized.<String, ProductFigures, KeyValueStore<Bytes, byte[]>>as(SalesStores.PRODUCT_TOTALS)
                        .withKeySerde(Serdes.String()).withValueSerde(json(ProductFigures.class)));
        totals.toStream(Named.as("product-changes"))
                .mapValues((sku, figures) -> envelope(new ProductSales(sku, figures.name(), figures.units(),
                        figures.revenue(), figures.currency())), Named.as("product-sales"))
                .to(Topics.SALES, Produced.with(Serdes.String(), envelopes).withName("product-sales-out"));
        return totals;
    }

    private void perShop(KStream<String, SalesFact> facts, KTable<String, ProductFigures> productTotals) {
        KGroupedStream<String, SalesFact> shop = facts.selectKey((orderId, fact) -> ShopSales.KEY, Named.as("shop-wide"))
                .groupByKey(Grouped.with("shop-facts", Serdes.String(), json(SalesFact.class)));
        KTable<String, ShopMinute> latestMinute = shop
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, configuration.getGrace()))
                .aggregate(ShopFigures::none, (key, fact, figures) -> figures.plus(fact), Named.as("shop-per-minute"),
                        Materialized.<String, ShopFigures, WindowStore<Bytes, byte[]>>as(SalesStores.SHOP_MINUTES)
                                .withKeySerde(Serdes.String()).withValueSerde(json(ShopFigures.class))
                                .withRetention(configuration.getWindowRetention()))
                .toStream(Named.as("shop-minute-changes"))
                .map((window, figures) -> KeyValue.pair(ShopSales.KEY, new ShopMinute(window.window().startTime(),
                        figures)), Named.as("latest-minute"))
                .toTable(Named.as("latest-minute-table"), Materialized.<String, ShopMinute, KeyValueStore<Bytes, byte[]>>
                        as(SalesStores.LATEST_MINUTE).withKeySerde(Serdes.String())
                        .withValueSerde(json(ShopMinute.class)));
        KTable<String, ShopFigures> totals = shop.aggregate(ShopFigures::none,
                (key, fact, figures) -> figures.plus(fact), Named.as("shop-running-totals"),
                Materialized.<String, ShopFigures, KeyValueStore<Bytes, byte[]>>as(SalesStores.SHOP_TOTALS)
                        .withKeySerde(Serdes.String()).withValueSerde(json(ShopFigures.class)));
        KTable<String, ProductRanking> ranking = productTotals
                .groupBy((sku, figures) -> KeyValue.pair(ShopSales.KEY, new RankedProduct(sku, figures)),
                        Grouped.with("products-to-rank", Serdes.String(), json(RankedProduct.class)))
                .aggregate(ProductRanking::none, (key, product, all) -> all.with(product.sku(), product.figures()),
                        (key, product, all) -> all.without(product.sku(), product.figures()), Named.as("rank-products"),
                        Materialized.<String, ProductRanking, KeyValueStore<Bytes, byte[]>>as(SalesStores.PRODUCT_RANKING)
                                .withKeySerde(Serdes.String()).withValueSerde(json(ProductRanking.class)));
        totals.leftJoin(ranking, ShopReport::new, Named.as("with-ranking"),
                        Materialized.with(Serdes.String(), json(ShopReport.class)))
                .leftJoin(latestMinute, ShopReport::withMinute, Named.as("with-latest-minute"),
                        Materialized.with(Serdes.String(), json(ShopReport.class)))
                .toStream(Named.as("shop-changes"))
                .mapValues(report -> envelope(report.toEvent(configuration.getTopProducts())), Named.as("shop-sales"))
                .to(Topics.SALES, Produced.with(Serdes.String(), envelopes).withName("shop-sales-out"));
    }

    private EventEnvelope envelope(DomainEvent data) {
        metrics.published(Topics.SALES, data.type());
        return EventEnvelope.of(data, null, null, source);
    }

    private <T> Serde<T> json(Class<T> type) {
        return new JsonObjectSerde<>(json, type);
    }

    /** The shop-wide figures on their way to one {@link ShopSales}: totals, every product's figures, the last minute. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    @io.micronaut.serde.annotation.Serdeable
    record ShopReport(ShopFigures totals, @Nullable ProductRanking ranking, @Nullable ShopMinute minute) {

        ShopReport(ShopFigures totals, @Nullable ProductRanking ranking) {
            this(totals, ranking, null);
        }

        ShopReport withMinute(@Nullable ShopMinute latest) {
            return new ShopReport(totals, ranking, latest);
        }

        ShopSales toEvent(int top) {
            MinuteSales minuteSales = minute == null ? null : new MinuteSales(minute.start(), minute.figures().placed(),
                    minute.figures().confirmed(), minute.figures().rejected(), minute.figures().cancelled(),
                    minute.figures().units(), minute.figures().revenue());
            return new ShopSales(minuteSales, totals.placed(), totals.confirmed(), totals.rejected(),
                    totals.cancelled(), totals.confirmationRate(), totals.cancellationRate(), totals.units(),
                    totals.revenue(), totals.currency(),
                    ranking == null ? List.of() : ranking.top(top));
        }
    }
}
