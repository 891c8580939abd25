package eventshop.webui.orders;

import eventshop.events.EventHeaders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** orders-service's HTTP API (see CONVENTIONS.md); timeouts in application.yml under micronaut.http.services.orders. */
@Client(id = "orders")
public interface OrdersClient {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * @param idempotencyKey the order form's own key: a second submit of the same form (double click, browser retry,
     *                       "try again" after a time-out) returns the order the first one placed
     */
    @Post("/orders")
    OrderView place(@Header(EventHeaders.HTTP_REQUEST_ID) String requestId,
                    @Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body PlaceOrderRequest request);

    @Get("/orders")
    OrderPage list(@Nullable @QueryValue String status, @QueryValue int page, @QueryValue int size);

    @Get("/orders/{id}")
    Optional<OrderView> find(UUID id);

    @Post("/orders/{id}/cancel")
    OrderView cancel(UUID id, @Header(EventHeaders.HTTP_REQUEST_ID) String requestId, @Body CancelRequest request);

    @Get("/catalog")
    List<CatalogItem> catalog();
}
