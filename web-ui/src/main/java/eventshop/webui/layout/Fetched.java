package eventshop.webui.layout;

import io.micronaut.core.annotation.Nullable;

/** What a backend gave for a page: the value, or why the page must do without it. */
public record Fetched<T>(@Nullable T value, @Nullable String problem) {

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, null);
    }

    public static <T> Fetched<T> unavailable(String problem) {
        return new Fetched<>(null, problem);
    }

    public boolean available() {
        return problem == null;
    }

    public T orElse(T fallback) {
        return available() && value != null ? value : fallback;
    }
}
