package eventshop.audit;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The OpenAPI description is generated at compile time (openapi.properties) and served at /openapi.yml, browsable at
 * /swagger-ui/ and /redoc/. Security schemes: none yet; when the back-end APIs require sign-in (issue 15), declare them
 * here ({@code @SecurityScheme}) and name them with {@code security = ...} below.
 */
@OpenAPIDefinition(info = @Info(title = "audit-service", version = "1.0",
        description = "Event Shop audit: the append-only journal of every Kafka record, order timelines, JSON Lines export and replay. Every error is an RFC 7807 problem (application/problem+json)."),
        servers = {@Server(url = "http://localhost:8083", description = "local: ./start.sh"),
                @Server(url = "/", description = "the server this description came from")})
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
