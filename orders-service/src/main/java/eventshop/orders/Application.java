package eventshop.orders;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The OpenAPI description is generated at compile time (openapi.properties) and served at /openapi.yml, browsable at
 * /swagger-ui/ and /redoc/. Security schemes: none yet; when the back-end APIs require sign-in (issue 15), declare them
 * here ({@code @SecurityScheme}) and name them with {@code security = ...} below.
 */
@OpenAPIDefinition(info = @Info(title = "orders-service", version = "1.0",
        description = "Event Shop orders: place, list, read and cancel orders; the original POST /order API. "
                + "Every error is an RFC 7807 problem (application/problem+json)."),
        servers = {@Server(url = "http://localhost:3000", description = "local: ./start.sh or docker compose"),
                @Server(url = "/", description = "the server this description came from")})
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
