package eventshop.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the same shape in every service's API: the {@code items}, the {@code page} number (from 0),
 * the page {@code size} asked for and the {@code total} number of matching items.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageView<T>(List<T> items, int page, int size, long total) {

    /** The page a repository found, each row shown as {@code view} makes it. */
    public static <E, T> PageView<T> of(Page<E> found, Function<? super E, ? extends T> view) {
        List<T> items = found.getContent().stream().<T>map(view).toList();
        return new PageView<>(items, found.getPageNumber(), found.getSize(), found.getTotalSize());
    }
}
