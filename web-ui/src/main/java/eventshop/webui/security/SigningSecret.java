package eventshop.webui.security;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * {@code eventshop.web.signing-secret}, which signs the sign-in JWT and the CSRF tokens: {@code EVENTSHOP_WEB_SECRET}
 * when set (several instances, or sign-ins that survive a restart), else a random key made once at start-up. Set
 * here, below every other source, because a placeholder default cannot be a random value made once: it would be
 * made anew wherever the property is read.
 */
@ContextConfigurer
public class SigningSecret implements ApplicationContextConfigurer {

    static final String PROPERTY = "eventshop.web.signing-secret";
    private static final int LOWEST = -500;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        String given = System.getenv("EVENTSHOP_WEB_SECRET");
        String secret = given != null && !given.isBlank() ? given : random();
        builder.propertySources(PropertySource.of("web-signing-secret", Map.of(PROPERTY, secret), LOWEST));
    }

    private static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
