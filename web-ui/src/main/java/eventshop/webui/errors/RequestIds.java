package eventshop.webui.errors;

import eventshop.events.EventHeaders;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;
import java.util.UUID;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is short and printable, else a new one. It is
 * returned in the response header, carried by every log line of the request (MDC {@code correlationId}, as in the
 * backends' platform filter, which web-ui does not depend on), shown on error pages and, for a click that places or
 * cancels an order, passed on as the correlation id of the events it causes.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIds implements io.micronaut.core.order.Ordered {

    public static final String MDC_KEY = "correlationId";
    private static final String ATTRIBUTE = "eventshop.requestId";

    /** The id of this request (the filter has set it; a request that bypassed it gets a fresh one). */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String offered = request.getHeaders().get(EventHeaders.HTTP_REQUEST_ID);
        String id = offered != null && offered.matches("[A-Za-z0-9._:\\-]{1,100}") ? offered
                : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(EventHeaders.HTTP_REQUEST_ID, of(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
