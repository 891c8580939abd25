package eventshop.webui.orders;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The orders placed from this browser, for a shopper who has no account: their ids in a cookie, newest first. Knowing
 * an order's id is what lets anyone see and cancel it, so the cookie is HttpOnly and stays on this site.
 */
public final class MyOrders {

    static final String COOKIE = "eventshop_my_orders";
    private static final int KEEP = 20;

    private MyOrders() {
    }

    public static List<UUID> of(HttpRequest<?> request) {
        List<UUID> ids = new ArrayList<>();
        request.getCookies().findCookie(COOKIE).map(Cookie::getValue).ifPresent(value -> {
            for (String part : value.split("\\.")) {
                try {
                    ids.add(UUID.fromString(part));
                } catch (IllegalArgumentException e) {
                    // a cookie edited by hand: what is not an id is ignored
                }
            }
        });
        return ids.stream().limit(KEEP).toList();
    }

    public static <T> MutableHttpResponse<T> remember(MutableHttpResponse<T> response, HttpRequest<?> request,
                                                      UUID orderId) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(orderId);
        ids.addAll(of(request));
        String value = String.join(".", ids.stream().limit(KEEP).map(UUID::toString).toList());
        return response.cookie(Cookie.of(COOKIE, value).path("/").httpOnly(true).sameSite(SameSite.Lax)
                .maxAge(Duration.ofDays(30)));
    }

}
