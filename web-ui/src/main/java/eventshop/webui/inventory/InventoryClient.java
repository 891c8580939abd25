package eventshop.webui.inventory;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

import java.util.List;

/** inventory-notification-service's stock API. */
@Client(id = "inventory")
public interface InventoryClient {

    @Get("/products")
    List<Product> products();

    /** @param idempotencyKey the restock form's own key: a second submit of the same form restocks nothing more */
    @Post("/products/{sku}/restock")
    Product restock(String sku, @Header("Idempotency-Key") String idempotencyKey, @Body RestockRequest request);

    @io.micronaut.serde.annotation.Serdeable
    record RestockRequest(int quantity) {
    }
}
