package eventshop.webui.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages keyed by form field ({@code name}, {@code email}, {@code lines}, {@code lines[0].sku} …), plus
 * {@code form} for what belongs to no field. Templates ask {@code errors.of('email')}.
 */
public final class FieldErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        messages.merge(field, message, (a, b) -> a.equals(b) ? a : a + " " + b);
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String of(String field) {
        return messages.get(field);
    }

    public Map<String, String> all() {
        return messages;
    }
}
