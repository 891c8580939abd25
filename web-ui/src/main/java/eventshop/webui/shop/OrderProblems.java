package eventshop.webui.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Maps orders-service's 400 problem bodies (RFC 7807) back onto the form: a violation naming a field goes next to
 * that field; a problem naming a submitted SKU (say, an unknown one) goes next to that line; anything else on top.
 */
@Singleton
public class OrderProblems {

    private static final java.util.regex.Pattern LINE_FIELD = java.util.regex.Pattern
            .compile("lines\\[(\\d+)]\\.(sku|quantity)");

    private final JsonMapper jsonMapper;

    public OrderProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Serdeable
    public record Problem(@Nullable String title, @Nullable String detail,
                          @Nullable List<Violation> violations) {
    }

    @Serdeable
    public record Violation(@Nullable String field, @Nullable String message) {
    }

    public FieldErrors toFieldErrors(HttpClientResponseException e, OrderForm form) {
        FieldErrors errors = new FieldErrors();
        Problem problem = parse(e);
        if (problem.violations() != null) {
            for (Violation v : problem.violations()) {
                errors.add(fieldOf(v.field()), v.message() == null ? "is not valid" : v.message());
            }
        }
        if (errors.isEmpty()) {
            String message = problem.detail() != null ? problem.detail() : problem.title();
            errors.add(lineNamedIn(message, form), message == null ? "The order was refused." : message);
        }
        return errors;
    }

    private Problem parse(HttpClientResponseException e) {
        String body = e.getResponse().getBody(String.class).orElse("");
        try {
            Problem problem = jsonMapper.readValue(body, Problem.class);
            return problem == null ? new Problem(null, e.getMessage(), null) : problem;
        } catch (IOException | RuntimeException notJson) {
            return new Problem(null, e.getMessage(), null);
        }
    }

    /** "placeOrder.request.customer.email" → "email"; "lines[1].quantity" stays; unknown paths → "form". */
    static String fieldOf(@Nullable String path) {
        if (path == null) {
            return "form";
        }
        Matcher line = LINE_FIELD.matcher(path);
        if (line.find()) {
            return "lines[" + line.group(1) + "]." + line.group(2);
        }
        if (path.endsWith("name")) {
            return "name";
        }
        if (path.endsWith("email")) {
            return "email";
        }
        return path.endsWith("lines") ? "lines" : "form";
    }

    private static String lineNamedIn(@Nullable String message, OrderForm form) {
        if (message != null) {
            for (int i = 0; i < form.lines().size(); i++) {
                String sku = form.lines().get(i).sku();
                if (!sku.isEmpty() && message.contains(sku)) {
                    return "lines[" + i + "].sku";
                }
            }
        }
        return "form";
    }
}
