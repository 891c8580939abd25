package eventshop.webui.orders;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;

import java.util.List;

/**
 * orders-service's catalog replica over HTTP; timeouts in application.yml under micronaut.http.services.orders. The
 * orders themselves go over gRPC: {@link OrdersGateway}.
 */
@Client(id = "orders")
public interface OrdersClient {

    @Get("/catalog")
    List<CatalogItem> catalog();
}
