package eventshop.analytics.api;

import eventshop.analytics.AnalyticsConfiguration;
import eventshop.analytics.domain.FiguresNotReadyException;
import eventshop.analytics.domain.ProductFigures;
import eventshop.analytics.domain.ProductRanking;
import eventshop.analytics.domain.ShopFigures;
import eventshop.analytics.messaging.SalesStores;
import eventshop.events.EventEnvelope;
import eventshop.events.ProductSnapshot;
import eventshop.events.ShopSales;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interactive queries: the figures read straight from this instance's state stores, no database. One instance holds
 * every partition's stores (the service runs as one instance; several would each answer for their own partitions).
 */
@Singleton
public class SalesQueries {

    private final KafkaStreams streams;
    private final AnalyticsConfiguration configuration;
    private final Clock clock;

    SalesQueries(KafkaStreams streams, AnalyticsConfiguration configuration) {
        this.streams = streams;
        this.configuration = configuration;
        this.clock = Clock.systemUTC();
    }

    /** Every product of the catalog, sold or not, and any product sold that the catalog no longer lists. */
    public List<ProductSalesView> products() {
        Map<String, ProductSalesView> bySku = new TreeMap<>();
        try (KeyValueIterator<String, EventEnvelope> catalog = keyValueStore(SalesStores.CATALOG,
                QueryableStoreTypes.<String, EventEnvelope>keyValueStore()).all()) {
            catalog.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.data() instanceof ProductSnapshot product) {
                    bySku.put(entry.key, new ProductSalesView(product.sku(), product.name(), 0,
                            BigDecimal.ZERO.setScale(2), product.currency()));
                }
            });
        }
        try (KeyValueIterator<String, ProductFigures> totals = keyValueStore(SalesStores.PRODUCT_TOTALS,
                QueryableStoreTypes.<String, ProductFigures>keyValueStore()).all()) {
            totals.forEachRemaining(entry -> {
                ProductSalesView known = bySku.get(entry.key);
                ProductFigures figures = entry.value;
                bySku.put(entry.key, new ProductSalesView(entry.key,
                        known != null ? known.name() : figures.name(), figures.units(), figures.revenue(),
                        figures.currency() != null ? figures.currency() : known == null ? null : known.currency()));
            });
        }
        List<ProductSalesView> products = new ArrayList<>(bySku.values());
        products.sort(Comparator.comparing(ProductSalesView::name, Comparator.nullsLast(String::compareTo))
                .thenComparing(ProductSalesView::sku));
        return products;
    }

    public ShopView shop() {
        ShopFigures totals = keyValueStore(SalesStores.SHOP_TOTALS, QueryableStoreTypes.<String, ShopFigures>keyValueStore())
                .get(ShopSales.KEY);
        ProductRanking ranking = keyValueStore(SalesStores.PRODUCT_RANKING,
                QueryableStoreTypes.<String, ProductRanking>keyValueStore()).get(ShopSales.KEY);
        ShopFigures figures = totals == null ? ShopFigures.none() : totals;
        return new ShopView(figures.placed(), figures.confirmed(), figures.rejected(), figures.cancelled(),
                figures.confirmationRate(), figures.cancellationRate(), figures.units(), figures.revenue(),
                currency(figures.currency()), ranking == null ? List.of() : ranking.top(configuration.getTopProducts()));
    }

    /** The last {@code minutes} one-minute windows up to the current one, a quiet minute as zeros. */
    public TimelineView timeline(int minutes, @Nullable String sku) {
        Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant first = current.minus(Duration.ofMinutes(minutes - 1L));
        List<MinuteView> series = new ArrayList<>();
        String currency;
        if (sku == null) {
            Map<Instant, ShopFigures> found = windows(SalesStores.SHOP_MINUTES, ShopSales.KEY, first, current);
            currency = found.values().stream().map(ShopFigures::currency).filter(c -> c != null).findFirst()
                    .orElse(null);
            for (Instant start = first; !start.isAfter(current); start = start.plus(Duration.ofMinutes(1))) {
                ShopFigures f = found.getOrDefault(start, ShopFigures.none());
                series.add(new MinuteView(start, f.placed(), f.confirmed(), f.rejected(), f.cancelled(), f.units(),
                        f.revenue()));
            }
        } else {
            Map<Instant, ProductFigures> found = windows(SalesStores.PRODUCT_MINUTES, sku, first, current);
            currency = found.values().stream().map(ProductFigures::currency).filter(c -> c != null).findFirst()
                    .orElse(null);
            for (Instant start = first; !start.isAfter(current); start = start.plus(Duration.ofMinutes(1))) {
                ProductFigures f = found.getOrDefault(start, ProductFigures.none());
                series.add(new MinuteView(start, 0, 0, 0, 0, f.units(), f.revenue()));
            }
        }
        return new TimelineView(sku, currency(currency), series);
    }

    private <V> Map<Instant, V> windows(String store, String key, Instant from, Instant to) {
        ReadOnlyWindowStore<String, V> windows = store(store, QueryableStoreTypes.<String, V>windowStore());
        Map<Instant, V> found = new HashMap<>();
        try (WindowStoreIterator<V> iterator = windows.fetch(key, from, to)) {
            iterator.forEachRemaining((KeyValue<Long, V> entry) -> found.put(Instant.ofEpochMilli(entry.key), entry.value));
        }
        return found;
    }

    /** Before any sale the shop's currency is not known from the events; the catalog's is. */
    private String currency(@Nullable String fromSales) {
        if (fromSales != null) {
            return fromSales;
        }
        return products().stream().map(ProductSalesView::currency).filter(c -> c != null).findFirst().orElse("EUR");
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name,
                                                             QueryableStoreType<ReadOnlyKeyValueStore<K, V>> type) {
        return store(name, type);
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new FiguresNotReadyException(streams.state().name());
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw new FiguresNotReadyException(e.getMessage());
        }
    }
}
