package eventshop.webui.sales;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** analytics-service's sales figures, answered from its Kafka Streams state stores. */
@Client(id = "analytics")
public interface SalesClient {

    @Get("/sales/products")
    List<ProductSales> products();

    @Get("/sales/timeline{?minutes}")
    Timeline timeline(@QueryValue int minutes);

    @Get("/sales/shop")
    Shop shop();

    @Serdeable
    record ProductSales(String sku, String name, long units, BigDecimal revenue, String currency) {
    }

    @Serdeable
    record Minute(Instant start, long ordersPlaced, long ordersConfirmed, long ordersRejected, long ordersCancelled,
                  long units, BigDecimal revenue) {
    }

    @Serdeable
    record Timeline(@Nullable String sku, String currency, List<Minute> minutes) {
    }

    @Serdeable
    record TopProduct(String sku, String name, long units, BigDecimal revenue) {
    }

    @Serdeable
    record Shop(long ordersPlaced, long ordersConfirmed, long ordersRejected, long ordersCancelled,
                double confirmationRate, double cancellationRate, long units, BigDecimal revenue, String currency,
                List<TopProduct> topProducts) {
    }
}
