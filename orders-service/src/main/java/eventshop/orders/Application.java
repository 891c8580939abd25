package eventshop.orders;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The OpenAPI description is generated at compile time and served at /swagger/orders-service-1.0.yml. */
@OpenAPIDefinition(info = @Info(title = "orders-service", version = "1.0",
        description = "Event Shop orders: place, list, read and cancel orders; the original POST /order API."))
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
