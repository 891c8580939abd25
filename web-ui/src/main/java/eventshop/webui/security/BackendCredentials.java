package eventshop.webui.security;

import eventshop.events.EventHeaders;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.context.ServerRequestContext;

import java.security.Principal;

/**
 * Every call to a back-end carries web-ui's own service account (HTTP Basic), and, when the page was asked for by a
 * signed-in staff member, that member's name ({@link EventHeaders#HTTP_STAFF_MEMBER}) for the back-end's log. web-ui
 * decides who may see which page; the back-ends trust it to have decided.
 */
@ClientFilter(serviceId = {"orders", "inventory", "audit"})
public class BackendCredentials {

    /** {@code eventshop.backend.username}/{@code password}: the back-ends' account for web-ui. */
    @ConfigurationProperties("eventshop.backend")
    public static class Account {
        private String username = "web-ui";
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }
    }

    private final Account account;

    public BackendCredentials(Account account) {
        this.account = account;
    }

    @RequestFilter
    public void authenticate(MutableHttpRequest<?> request) {
        if (account.getPassword() == null || account.getPassword().isEmpty()) {
            return; // not configured: the back-ends' staff endpoints answer 401, which the pages show as a banner
        }
        request.basicAuth(account.getUsername(), account.getPassword());
        ServerRequestContext.currentRequest().flatMap(page -> page.getUserPrincipal()).map(Principal::getName)
                .ifPresent(member -> request.header(EventHeaders.HTTP_STAFF_MEMBER, member));
    }
}
