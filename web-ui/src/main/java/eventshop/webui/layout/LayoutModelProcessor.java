package eventshop.webui.layout;

import eventshop.webui.health.ServiceHealth;
import eventshop.webui.live.LiveHub;
import eventshop.webui.security.CsrfTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.util.Map;

/**
 * Adds what the shared layout shows on every page: service health, the latest events (customers masked unless a
 * staff member is signed in), the CSRF token, who is signed in.
 */
@Singleton
public class LayoutModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    private final ServiceHealth health;
    private final LiveHub liveHub;

    public LayoutModelProcessor(ServiceHealth health, LiveHub liveHub) {
        this.health = health;
        this.liveHub = liveHub;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            model.putIfAbsent("services", health.current());
            String staffMember = request.getUserPrincipal().map(Principal::getName).orElse(null);
            model.put("staffMember", staffMember);
            // Customers' names and e-mail addresses are for staff; everyone else sees them masked.
            model.putIfAbsent("ticker", liveHub.recent().stream()
                    .map(event -> staffMember != null ? event.forStaff() : event.forPublic()).toList());
            model.put("csrfToken", CsrfTokens.forRequest(request));
            model.putIfAbsent("banners", java.util.List.of());
            model.put("fmt", Formats.INSTANCE);
        });
    }
}
