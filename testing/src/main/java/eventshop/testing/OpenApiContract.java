package eventshop.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's {@code /openapi.yml} checked against the routes it really serves: every controller route is described,
 * with a summary and its RFC 7807 problem responses (500 and 503 for all; 400 when it reads a value that can fail
 * conversion or validation; 413 and 415
 * when it takes a body), each {@code application/problem+json} with the Problem schema and an example; the document
 * names its servers. What only some operations answer (404, 409) each service's test asks of {@link #statuses}.
 */
public final class OpenApiContract {

    /** One route of a controller: method, path template without its query part, what input it reads. */
    public record Route(String method, String path, boolean takesInput, boolean takesBody) {
    }

    private static final String PROBLEM = "application/problem+json";

    private OpenApiContract() {
    }

    /** The routes of the service's own controllers (classes in that package), not management or static ones. */
    /**
     * Swagger UI and ReDoc load the service's own description, and their scripts come from the service (no CDN): what
     * every back-end serves the same way from platform's settings.
     */
    public static void assertViewsServeTheDescription(HttpClient client) {
        String swaggerUi = client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html"), String.class);
        assertThat(swaggerUi).contains("/swagger/openapi.yml").contains("/swagger-ui/res/swagger-ui-bundle.js");
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"), String.class))
                .isNotBlank();
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/redoc/index.html"), String.class))
                .contains("/swagger/openapi.yml");
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/swagger/openapi.yml"), String.class))
                .isEqualTo(client.toBlocking().retrieve(HttpRequest.GET("/openapi.yml"), String.class));
    }

    public static List<Route> routesOf(Router router, String controllerPackage) {
        Set<Route> routes = new java.util.LinkedHashSet<>();
        router.uriRoutes()
                .filter(route -> route.getDeclaringType().getPackageName().startsWith(controllerPackage))
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .forEach(route -> routes.add(new Route(route.getHttpMethodName().toLowerCase(), pathOf(route),
                        readsInputThatCanBeRefused(route), route.getBodyArgument().isPresent())));
        return List.copyOf(routes);
    }

    /** What the description lacks for these routes, one sentence each; empty when it is complete. */
    public static List<String> gaps(String openApiYaml, Collection<Route> routes) {
        Map<?, ?> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(openApiYaml);
        List<String> gaps = new ArrayList<>();
        if (!(document.get("servers") instanceof List<?> servers) || servers.isEmpty()) {
            gaps.add("no servers");
        }
        if (map(map(document.get("components")).get("schemas")).get("Problem") == null) {
            gaps.add("no Problem schema in components");
        }
        Map<?, ?> paths = map(document.get("paths"));
        if (routes.isEmpty()) {
            gaps.add("no routes to check");
        }
        for (Route route : routes) {
            String name = route.method().toUpperCase() + " " + route.path();
            Map<?, ?> operation = map(map(paths.get(route.path())).get(route.method()));
            if (operation.isEmpty()) {
                gaps.add(name + " is not described");
                continue;
            }
            if (operation.get("summary") == null) {
                gaps.add(name + " has no summary");
            }
            Map<?, ?> responses = map(operation.get("responses"));
            Set<String> expected = new TreeSet<>(List.of("500", "503"));
            if (route.takesInput()) {
                expected.add("400");
            }
            if (route.takesBody()) {
                expected.addAll(List.of("413", "415"));
            }
            for (String status : expected) {
                if (!responses.containsKey(status)) {
                    gaps.add(name + " does not describe its " + status + " problem");
                }
            }
            responses.forEach((status, response) -> {
                if (String.valueOf(status).matches("[45]\\d\\d")) {
                    Map<?, ?> problem = map(map(map(response).get("content")).get(PROBLEM));
                    if (!"#/components/schemas/Problem".equals(map(problem.get("schema")).get("$ref"))) {
                        gaps.add(name + " " + status + " is not an " + PROBLEM + " Problem");
                    }
                    if (problem.get("examples") == null && problem.get("example") == null) {
                        gaps.add(name + " " + status + " has no example");
                    }
                }
            });
        }
        return gaps;
    }

    /** The statuses the description gives that operation, e.g. {@code statuses(yaml, "post", "/orders/{id}/cancel")}. */
    public static Set<String> statuses(String openApiYaml, String method, String path) {
        Map<?, ?> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(openApiYaml);
        Set<String> statuses = new TreeSet<>();
        map(map(map(map(document.get("paths")).get(path)).get(method)).get("responses")).keySet()
                .forEach(status -> statuses.add(String.valueOf(status)));
        return statuses;
    }

    /** A value that can fail conversion (not a plain string) or validation (a constraint on it): a 400 is possible. */
    private static boolean readsInputThatCanBeRefused(UriRouteInfo<?, ?> route) {
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            if (argument.getType() != String.class
                    || argument.getAnnotationMetadata().hasStereotype("jakarta.validation.Constraint")) {
                return true;
            }
        }
        return false;
    }

    private static String pathOf(UriRouteInfo<?, ?> route) {
        // "/orders{?status,page,size}" is path /orders with query parameters
        return route.getUriMatchTemplate().toPathString().replaceAll("\\{[?&][^}]*}", "");
    }

    private static Map<?, ?> map(Object node) {
        return node instanceof Map<?, ?> m ? m : Map.of();
    }
}
