package eventshop.webui.layout;

import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of one page: its template, title, navigation entry, data and the banners saying which backend could not
 * answer. Everything every page shows (health, ticker, CSRF token) is added by {@link LayoutModelProcessor}.
 */
public final class Page {

    private final String view;
    private final Map<String, Object> model = new HashMap<>();
    private final List<String> banners = new ArrayList<>();

    private Page(String view, String title, String nav) {
        this.view = view;
        model.put("title", title);
        model.put("nav", nav);
        model.put("banners", banners);
    }

    public static Page of(String view, String title, String nav) {
        return new Page(view, title, nav);
    }

    public Page with(String key, Object value) {
        model.put(key, value);
        return this;
    }

    public Object get(String key) {
        return model.get(key);
    }

    /** The fetched value, or the fallback plus a banner naming the problem. */
    public <T> T use(Fetched<T> fetched, T fallback) {
        if (!fetched.available()) {
            banner(fetched.problem());
        }
        return fetched.orElse(fallback);
    }

    public Page banner(String message) {
        if (!banners.contains(message)) {
            banners.add(message);
        }
        return this;
    }

    public ModelAndView<Map<String, Object>> render() {
        return new ModelAndView<>(view, model);
    }
}
