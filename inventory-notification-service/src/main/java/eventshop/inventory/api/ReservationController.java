package eventshop.inventory.api;

import eventshop.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import eventshop.inventory.persistence.ReservationRepository;
import eventshop.platform.http.openapi.InvalidRequestProblem;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.UUID;

@Secured({Roles.STAFF, Roles.SERVICE})
@Controller("/reservations")
@Tag(name = "reservations")
@StandardProblems
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReservationController {

    private final ReservationRepository reservations;

    ReservationController(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    /** One order's reservations by SKU, or without an order id the newest reservations first. */
    @Operation(summary = "Stock reservations", description = "One order's reservations by SKU, or without orderId "
            + "the newest first; limit is 1 to 1000.")
    @InvalidRequestProblem
    @Get
    List<ReservationView> list(@Nullable @QueryValue UUID orderId,
                               @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        var found = orderId != null ? reservations.findByOrderIdOrderBySku(orderId)
                : reservations.listOrderByCreatedAtDesc(Pageable.from(0, limit));
        return found.stream().map(ReservationView::of).toList();
    }
}
