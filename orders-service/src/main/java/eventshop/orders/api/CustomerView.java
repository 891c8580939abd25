package eventshop.orders.api;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record CustomerView(String name, String email) {
}
