package eventshop.audit.replay;

import eventshop.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code POST /audit/replay}: republish selected journaled events. 400 without a selection, 404 when it is empty. */
@Secured({Roles.STAFF, Roles.SERVICE})
@Controller("/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReplayController {

    private final ReplayService replays;

    public ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @Post("/replay")
    public ReplayResult replay(@Body ReplayRequest request) {
        return replays.replay(request);
    }
}
