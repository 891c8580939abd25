package eventshop.audit.api;

import eventshop.audit.service.ReplayService;
import eventshop.platform.http.openapi.BodyProblems;
import eventshop.platform.http.openapi.NotFoundProblem;
import eventshop.platform.http.openapi.StandardProblems;
import eventshop.platform.security.Roles;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /audit/replay}: republish selected journaled events. 400 without a selection, 404 when it is empty. */
@Secured({Roles.STAFF, Roles.SERVICE})
@Controller("/audit")
@Tag(name = "replay")
@StandardProblems
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReplayController {

    private final ReplayService replays;

    public ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @Operation(summary = "Republish journaled events", description = "Publishes the selected valid events again, "
            + "marked as replayed; 400 without a selection, 404 when it selects nothing.")
    @NotFoundProblem
    @BodyProblems
    @Post("/replay")
    public ReplayResult replay(@Body ReplayRequest request) {
        ReplayService.Replayed replayed = replays.replay(request.toFilter(), request.toString());
        return ReplayResult.of(replayed);
    }
}
