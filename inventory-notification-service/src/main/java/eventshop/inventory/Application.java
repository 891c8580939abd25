package eventshop.inventory;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The OpenAPI description is generated at compile time (openapi.properties) and served at /openapi.yml, browsable at
 * /swagger-ui/ and /redoc/. Security schemes: none yet; when the back-end APIs require sign-in (issue 15), declare them
 * here ({@code @SecurityScheme}) and name them with {@code security = ...} below.
 */
@OpenAPIDefinition(info = @Info(title = "inventory-notification-service", version = "1.0",
        description = "Event Shop inventory: the catalog with stock levels, restocking, stock reservations and customer/staff notifications. Every error is an RFC 7807 problem (application/problem+json)."),
        servers = {@Server(url = "http://localhost:8082", description = "local: ./start.sh"),
                @Server(url = "/", description = "the server this description came from")})
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
