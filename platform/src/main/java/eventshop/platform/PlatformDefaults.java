package eventshop.platform;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Loads {@code platform-defaults.yml}, the settings every backend service shares (producers, consumers, Flyway,
 * health, metrics), at a lower priority than the service's own {@code application.yml} and the environment.
 */
@ContextConfigurer
public class PlatformDefaults implements ApplicationContextConfigurer {

    /** Below application.yml (priority -300 for the default environment) so a service can override any default. */
    private static final int PRIORITY = -400;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        try (InputStream in = PlatformDefaults.class.getResourceAsStream("/platform-defaults.yml")) {
            Map<String, Object> values = new YamlPropertySourceLoader().read("platform-defaults", in);
            builder.propertySources(PropertySource.of("platform-defaults", values, PRIORITY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read platform-defaults.yml", e);
        }
    }
}
