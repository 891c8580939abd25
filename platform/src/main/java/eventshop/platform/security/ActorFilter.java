package eventshop.platform.security;

import eventshop.events.EventHeaders;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says in the log who did what: after security has authenticated the request, the MDC key {@code actor} (and the
 * access-log line) carries {@code staff} for a staff member calling directly, {@code web-ui for alice} when web-ui
 * calls on behalf of signed-in staff member alice ({@link EventHeaders#HTTP_STAFF_MEMBER}, believed only from the
 * service account), {@code web-ui} for a shopper's request through the web UI.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ActorFilter implements io.micronaut.core.order.Ordered {

    public static final String MDC_KEY = "actor";
    private static final Pattern PRINTABLE_NAME = Pattern.compile("[\\p{Alnum}._@+-]{1,64}");

    @RequestFilter
    public void describeActor(HttpRequest<?> request, MutablePropagatedContext context) {
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            String actor = describe(authentication, request.getHeaders().get(EventHeaders.HTTP_STAFF_MEMBER));
            request.setAttribute(MDC_KEY, actor);
            // One MDC element holds the whole MDC map: extend the correlation filter's rather than add a second.
            Optional<MdcPropagationContext> earlier = context.getContext().find(MdcPropagationContext.class);
            Map<String, String> state = new HashMap<>(earlier.map(MdcPropagationContext::state).orElse(Map.of()));
            state.put(MDC_KEY, actor);
            earlier.ifPresentOrElse(e -> context.replace(e, new MdcPropagationContext(state)),
                    () -> context.add(new MdcPropagationContext(state)));
        });
    }

    static String describe(Authentication authentication, String staffMember) {
        boolean service = authentication.getRoles().contains(Roles.SERVICE);
        if (service && staffMember != null && PRINTABLE_NAME.matcher(staffMember).matches()) {
            return authentication.getName() + " for " + staffMember;
        }
        return authentication.getName();
    }

    /** After the security filter, which authenticates the request. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
