package eventshop.webui.inventory;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

import java.util.List;

/** inventory-notification-service's stock API. */
@Client(id = "inventory")
public interface InventoryClient {

    @Get("/products")
    List<Product> products();

    @Post("/products/{sku}/restock")
    Product restock(String sku, @Body RestockRequest request);

    @io.micronaut.serde.annotation.Serdeable
    record RestockRequest(int quantity) {
    }
}
