package eventshop.webui.security;

import eventshop.webui.forms.FieldErrors;
import eventshop.webui.layout.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * The staff sign-in page. Its form posts to micronaut-security's {@code POST /login} (name, password and the CSRF
 * token), which sets the sign-in cookie and sends the member back to the page they were refused, or to the inventory.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Controller("/login")
public class SignInController {

    @Get("{?failed,forbidden}")
    public ModelAndView<Map<String, Object>> signIn(@Nullable @QueryValue Boolean failed,
                                                    @Nullable @QueryValue Boolean forbidden) {
        FieldErrors errors = new FieldErrors();
        if (Boolean.TRUE.equals(failed)) {
            errors.add(FieldErrors.FORM, "That name and password do not match a staff account.");
        }
        Page page = Page.of("security/login", "Staff sign-in", "login").with("errors", errors);
        if (Boolean.TRUE.equals(forbidden)) {
            page.banner("This page is for staff. Sign in with a staff account.");
        }
        return page.render();
    }
}
