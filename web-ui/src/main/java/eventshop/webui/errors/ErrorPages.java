package eventshop.webui.errors;

import eventshop.webui.layout.LayoutModelProcessor;
import eventshop.webui.layout.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The page a browser gets for every error response: an unknown address (404), an exception in a controller or in a
 * template (500), a refused request (4xx). It is the shop's own layout, saying what happened in plain words and the
 * request id to quote — never the exception's message or a stack trace (those go to the log, under the same id).
 * Clients that do not accept HTML keep Micronaut's JSON error bodies.
 *
 * <p>Rendered here rather than returned as a view: error responses do not pass through the views filter again. If
 * the layout itself is what fails, a plain page still answers.
 */
@Singleton
public class ErrorPages implements HtmlErrorResponseBodyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final LayoutModelProcessor layout;

    public ErrorPages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer, LayoutModelProcessor layout) {
        this.renderer = renderer;
        this.layout = layout;
    }

    @Override
    public String body(ErrorContext error, HttpResponse<?> response) {
        HttpRequest<?> request = error.getRequest();
        Explanation explanation = Explanation.forStatus(response.code());
        String requestId = RequestIds.of(request);
        try {
            ModelAndView<Map<String, Object>> page = Page.of("errors/error", explanation.title(), "")
                    .with("status", response.code()).with("explanation", explanation)
                    .with("requestId", requestId).render();
            layout.process(request, page);
            StringWriter html = new StringWriter();
            renderer.render(page.getView().orElseThrow(), page.getModel().orElseThrow(), request).writeTo(html);
            return html.toString();
        } catch (IOException | RuntimeException e) {
            LOG.error("the error page itself failed; answering the plain one", e);
            return plain(response.code(), explanation, requestId);
        }
    }

    /** No template, no layout: what is left when rendering is what is broken. */
    static String plain(int status, Explanation explanation, String requestId) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s · Event Shop</title>
                <link rel="stylesheet" href="/static/css/shop.css"></head><body><main class="content error-page">
                <h1>%s</h1><p>%s</p><p class="muted">Error %d · request id <code class="request-id">%s</code></p>
                <p><a href="/">Back to the shop</a></p></main></body></html>
                """.formatted(explanation.title(), explanation.title(), explanation.detail(), status,
                escape(requestId));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** What the page says for a status: a title and one helpful sentence. */
    public record Explanation(String title, String detail) {

        static Explanation forStatus(int status) {
            if (status == 404) {
                return new Explanation("Page not found",
                        "There is no page at this address. It may have been mistyped, or the link is out of date.");
            }
            if (status >= 500) {
                return new Explanation("Something went wrong",
                        "The shop failed to show this page. It is not your fault, and nothing you did was lost "
                                + "beyond this page. Please try again; if it keeps happening, quote the request id "
                                + "below.");
            }
            return new Explanation("This request cannot be answered",
                    "The shop could not make sense of this request. Go back, reload the page and try again.");
        }
    }
}
