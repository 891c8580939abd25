package eventshop.webui.layout;

import eventshop.webui.health.ServiceHealth;
import eventshop.webui.live.LiveHub;
import eventshop.webui.security.CsrfTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/** Adds what the shared layout shows on every page: service health, the latest events, the CSRF token. */
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
            model.putIfAbsent("ticker", liveHub.recent());
            model.put("csrfToken", CsrfTokens.forRequest(request));
            model.putIfAbsent("banners", java.util.List.of());
            model.put("fmt", Formats.INSTANCE);
        });
    }
}
