package eventshop.webui.orders;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of orders-service's {@code POST /orders}. */
@Serdeable
public record PlaceOrderRequest(Customer customer, List<Line> lines) {

    @Serdeable
    public record Customer(String name, String email) {
    }

    @Serdeable
    public record Line(String sku, int quantity) {
    }
}
