package eventshop.webui.layout;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders a page completely before its response starts, so that a template that fails gives a 500 error page.
 *
 * <p>Why: micronaut-views hands the server a lazy {@link Writable} and the template only runs while the body is being
 * written, on an I/O thread, after the response status was decided. An exception there is thrown on that thread and
 * lost: no response is ever sent and the browser waits until it times out (micronaut-views issue #832). Rendered
 * here, inside the views filter, the exception fails the request like any other and reaches the error page. Pages
 * are a few kilobytes, so holding one in memory costs nothing worth streaming for.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class EagerThymeleafViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    public EagerThymeleafViewsRenderer(AbstractConfigurableTemplateResolver templateResolver,
                                       TemplateEngine templateEngine, ClassPathResourceLoader resourceLoader,
                                       HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, templateEngine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        return rendered(viewName, super.render(viewName, data, request));
    }

    private static Writable rendered(String viewName, Writable lazy) {
        StringWriter html = new StringWriter();
        try {
            lazy.writeTo(html);
        } catch (IOException e) {
            throw new ViewRenderingException("Error rendering view [" + viewName + "]", e);
        }
        String page = html.toString();
        return out -> out.write(page);
    }
}
