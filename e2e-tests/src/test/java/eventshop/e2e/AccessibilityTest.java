package eventshop.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventshop.e2e.SystemUnderTest.WEB_UI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the shop passes axe-core (Deque's accessibility engine, injected into the real page by Playwright)
 * against WCAG 2.1 A and AA with no serious or critical violation: the live ticker scrolls from the keyboard, links
 * do not differ by colour alone, headings do not skip a level, every form control has a label. Pages are checked as a
 * person sees them: live stream connected, an order placed and shown, notifications and journal filled.
 */
class AccessibilityTest {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /** Moderate for axe, but a page that skips a heading level breaks navigation by headings: not allowed here. */
    private static final Set<String> ALSO_BLOCKING = Set.of("heading-order");

    private static SystemUnderTest system;
    private static BrowserSession browser;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
        browser = new BrowserSession();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void everyPageHasNoSeriousAccessibilityViolation() {
        Page page = browser.newPage();
        ShopPage shop = new ShopPage(page, system.url(WEB_UI));
        shop.placeOrder("Ada Lovelace", "ada@example.com", "ESP-001", "1");
        assertThat(shop.statusBadge()).hasText("CONFIRMED", ShopPage.FLOW);
        String orderPath = page.url().substring(system.url(WEB_UI).length());

        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String path : List.of("/", "/orders", orderPath, "/inventory", "/notifications", "/audit",
                "/architecture", "/orders/00000000-0000-0000-0000-000000000000")) {
            if (path.startsWith("/orders/0000")) {
                page.navigate(system.url(WEB_UI) + path); // the error page has no live stream to wait for
            } else {
                shop.open(path);
            }
            List<String> found = blocking(new AxeBuilder(page).withTags(WCAG).analyze());
            if (!found.isEmpty()) {
                violations.put(path, found);
            }
        }
        assertThat(violations).as("serious or critical axe-core violations per page").isEmpty();
    }

    @Test
    void theCheckFindsAViolationWhenThereIsOne() {
        Page page = browser.newPage();
        page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main>"
                + "<h1>Shop</h1><h3>Espresso</h3><img src=\"x.png\"></main></body></html>");

        List<String> found = blocking(new AxeBuilder(page).withTags(WCAG).analyze());

        assertThat(found).anyMatch(v -> v.startsWith("image-alt")).anyMatch(v -> v.startsWith("heading-order"));
    }

    /** Each serious or critical violation (or a skipped heading level) as "rule (impact): help — the elements". */
    private static List<String> blocking(AxeResults results) {
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact()) || ALSO_BLOCKING.contains(rule.getId())) {
                List<String> nodes = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).toList();
                found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — " + nodes);
            }
        }
        return found;
    }
}
