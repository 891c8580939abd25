package eventshop.inventory.api;

import eventshop.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import eventshop.inventory.persistence.NotificationRepository;
import eventshop.platform.http.openapi.InvalidRequestProblem;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

@Secured({Roles.STAFF, Roles.SERVICE})
@Controller("/notifications")
@Tag(name = "notifications")
@StandardProblems
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationController {

    private final NotificationRepository notifications;

    NotificationController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** Newest first, optionally only one order's or one recipient's. */
    @Operation(summary = "Notifications, newest first", description = "Optionally only one order's (orderId) or one "
            + "recipient's; limit is 1 to 500.")
    @InvalidRequestProblem
    @Get
    List<NotificationView> list(@Nullable @QueryValue UUID orderId, @Nullable @QueryValue @Size(max = 254) String recipient,
                                @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return notifications.search(orderId, recipient, limit).stream().map(NotificationView::of).toList();
    }
}
