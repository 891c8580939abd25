package eventshop.orders.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import eventshop.orders.domain.CatalogEntry;
import eventshop.orders.domain.LegacyCustomer;
import eventshop.orders.domain.RequestedLine;
import eventshop.orders.persistence.CatalogProductEntity;
import eventshop.orders.service.CatalogReplica;
import eventshop.orders.service.NewOrder;
import eventshop.orders.service.OrderPlacement;
import eventshop.platform.http.openapi.BodyProblems;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.problem.violations.Violation;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The original coffee-order API, kept working unchanged: {@code POST /order} with a customer name and a coffee type
 * places a one-item order of the catalog product of that name (case-insensitive).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "legacy")
@StandardProblems
public class LegacyOrderController {

    private final CatalogReplica catalog;
    private final OrderPlacement placement;
    private final Validator validator;

    public LegacyOrderController(CatalogReplica catalog, OrderPlacement placement, Validator validator) {
        this.catalog = catalog;
        this.placement = placement;
        this.validator = validator;
    }

    @Operation(summary = "Place a one-coffee order (original API)",
            description = "The customer has no e-mail in this API; the order carries a placeholder under the "
                    + "undeliverable .invalid domain, e.g. jean.dupont@legacy.invalid.")
    @BodyProblems
    @Post("/order")
    public HttpResponse<?> place(@Body LegacyOrderRequest request) {
        Set<ConstraintViolation<LegacyOrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Violation> fields = violations.stream()
                    .map(v -> new Violation(jsonName(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::getField)).toList();
            return refuse(fields.stream().map(f -> f.getField() + " " + f.getMessage())
                    .collect(Collectors.joining(", ")), fields);
        }
        Optional<CatalogEntry> product = catalog.byName(request.coffeeType());
        if (product.isEmpty()) {
            String available = catalog.all().stream().map(CatalogProductEntity::name).collect(Collectors.joining(", "));
            return refuse("Unknown coffee type '" + request.coffeeType() + "'. Available: " + available,
                    List.of(new Violation("coffee_type", "no product of that name")));
        }
        String name = request.customerName();
        OrderPlacement.Placed placed = placement.place(new NewOrder(name, LegacyCustomer.placeholderEmail(name),
                List.of(new RequestedLine(product.get().sku(), 1))), null);
        return HttpResponse.ok(new LegacyOrderResponse(true, "Order for " + name + " placed successfully!",
                placed.orderId()));
    }

    private static HttpResponse<LegacyProblem> refuse(String message, List<Violation> violations) {
        return HttpResponse.badRequest(LegacyProblem.badRequest(message, violations))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    private static String jsonName(String property) {
        return switch (property) {
            case "customerName" -> "customer_name";
            case "coffeeType" -> "coffee_type";
            default -> property;
        };
    }
}
