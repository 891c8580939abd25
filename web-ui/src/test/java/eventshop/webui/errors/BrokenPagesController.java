package eventshop.webui.errors;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import eventshop.webui.layout.Page;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Test-only pages that fail on purpose: one while its template renders, one in the controller. */
@Requires(env = "test")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/broken")
public class BrokenPagesController {

    /** A model object whose getter throws, as a bug in a template's expression would. */
    public static final class Exploding {
        public String getValue() {
            throw new IllegalStateException("secret internals: template blew up");
        }
    }

    @Get("/template")
    public ModelAndView<Map<String, Object>> template() {
        return Page.of("broken/template", "Broken", "shop").with("boom", new Exploding()).render();
    }

    @Get("/controller")
    public ModelAndView<Map<String, Object>> controller() {
        throw new IllegalStateException("secret internals: controller blew up");
    }
}
