package eventshop.platform.http;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.problem.violations.Violation;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Refuses requests in each way a service does, to check what the client gets to see. Test-only. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/problem-probe")
class ProblemProbeController {

    @Serdeable
    record Line(String sku, Integer quantity) {
    }

    @Serdeable
    record Order(@NotNull UUID orderId, @NotNull @Min(1) @Max(100) Integer quantity, @Nullable Instant at,
                 @Nullable @JsonProperty("deliver_at") Instant deliverAt, @Nullable List<Line> lines) {
    }

    @Get("/titled")
    String titled() {
        throw Problems.of(HttpStatus.NOT_FOUND, "Unknown product", "There is no product with SKU X-1");
    }

    @Get("/untitled")
    String untitled() {
        throw Problems.badRequest("'from' is after 'to'");
    }

    @Get("/fields")
    String fields() {
        throw Problems.invalidFields(List.of(new Violation("lines[1].sku", "unknown SKU 'NOPE'"),
                new Violation("lines", "products priced in different currencies")));
    }

    @Get("/status-exception")
    String statusException() {
        throw new HttpStatusException(HttpStatus.CONFLICT, "Order 42 is CANCELLED");
    }

    @Get("/orders/{id}")
    String byId(@PathVariable UUID id) {
        return id.toString();
    }

    @Post("/orders")
    Order place(@Body @Valid Order order) {
        return order;
    }
}
