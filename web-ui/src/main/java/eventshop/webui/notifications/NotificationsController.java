package eventshop.webui.notifications;

import eventshop.webui.security.StaffSignIn;
import io.micronaut.security.annotation.Secured;
import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Page;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/** The notifications the shop sent, to customers and to staff, newest first. */
@Produces(MediaType.TEXT_HTML)
@Secured(StaffSignIn.STAFF)
@Controller("/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationsController {

    private static final int LIMIT = 100;

    private final NotificationsClient notifications;
    private final Downstream downstream;

    public NotificationsController(NotificationsClient notifications, Downstream downstream) {
        this.notifications = notifications;
        this.downstream = downstream;
    }

    @Get
    public ModelAndView<Map<String, Object>> feed() {
        return page("notifications/index").render();
    }

    /** The feed alone, refetched by the page when a notification is sent. */
    @Get("/feed")
    public ModelAndView<Map<String, Object>> feedFragment() {
        return page("notifications/feed").render();
    }

    private Page page(String view) {
        Page page = Page.of(view, "Notifications", "notifications");
        return page.with("notifications", page.use(downstream.fetch("The inventory-notification service",
                () -> notifications.recent(null, LIMIT)), List.of()));
    }
}
