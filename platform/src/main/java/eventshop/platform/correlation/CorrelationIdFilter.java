package eventshop.platform.correlation;

import eventshop.events.EventHeaders;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Accepts the caller's {@code X-Request-Id} or makes one, returns it, puts it in the MDC of everything the request
 * does, and writes one access-log line per request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorrelationIdFilter implements io.micronaut.core.order.Ordered {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("eventshop.access");
    private static final String STARTED_AT = "eventshop.startedAt";

    @RequestFilter
    public void assignCorrelationId(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = CorrelationId.sanitize(request.getHeaders().get(EventHeaders.HTTP_REQUEST_ID))
                .orElseGet(CorrelationId::newId);
        request.setAttribute(CorrelationId.MDC_KEY, id);
        request.setAttribute(STARTED_AT, System.nanoTime());
        context.add(new MdcPropagationContext(Map.of(CorrelationId.MDC_KEY, id)));
    }

    @ResponseFilter
    public void returnCorrelationId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(CorrelationId.MDC_KEY, String.class).orElse(null);
        if (id == null) {
            return;
        }
        response.header(EventHeaders.HTTP_REQUEST_ID, id);
        long startedAt = request.getAttribute(STARTED_AT, Long.class).orElse(System.nanoTime());
        if (!request.getPath().startsWith("/health") && !request.getPath().startsWith("/prometheus")) {
            // Who, when security authenticated the request (the actor filter): "by staff", "by web-ui for alice".
            String actor = request.getAttribute("actor", String.class).map(a -> " by " + a).orElse("");
            CorrelationId.runWith(id, () -> ACCESS_LOG.info("{} {} -> {} in {} ms{}", request.getMethodName(),
                    request.getPath(), response.code(), (System.nanoTime() - startedAt) / 1_000_000, actor));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
