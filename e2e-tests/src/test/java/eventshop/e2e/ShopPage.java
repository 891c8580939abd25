package eventshop.e2e;

import com.microsoft.playwright.Locator;
import eventshop.testing.TestAccounts;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the browser scenarios and the demo recorder know about the shop's pages — where to type, what to click, where a
 * status or a stock figure shows — in one place, so a change of markup is mended once.
 */
public final class ShopPage {

    /** From a click to CONFIRMED crosses three services and Kafka twice; generous for a busy 2-core machine. */
    public static final LocatorAssertions.HasTextOptions FLOW = new LocatorAssertions.HasTextOptions()
            .setTimeout(60_000);
    public static final Pattern ORDER_URL = Pattern.compile(".*/orders/[0-9a-f-]{36}$");

    private final Page page;
    private final String baseUrl;

    public ShopPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    /** Opens a page and waits until its live stream is connected, as a person would see the "live" badge. */
    public void open(String path) {
        page.navigate(baseUrl + path);
        assertThat(page.locator("#live-indicator")).hasText("live");
    }

    /** Fills the order form of the page that is open (the shop), one product line. */
    public void fillOrder(String name, String email, String sku, String quantity) {
        page.fill("input[name=name]", name);
        page.fill("input[name=email]", email);
        page.selectOption("select[name=sku]", sku);
        page.fill("input[name=quantity]", quantity);
    }

    /** Opens the shop, fills the form, submits it and waits to land on the order's page. */
    public void placeOrder(String name, String email, String sku, String quantity) {
        open("/");
        fillOrder(name, email, sku, quantity);
        page.click("#place-order");
        page.waitForURL(ORDER_URL);
    }

    /** Signs in with the staff account through the sign-in page, as a member of staff would. */
    public void signInAsStaff() {
        page.navigate(baseUrl + "/login");
        page.fill("input[name=username]", TestAccounts.STAFF);
        page.fill("input[name=password]", TestAccounts.STAFF_PASSWORD);
        page.click("#sign-in-form button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator(".staff-member")).hasText(TestAccounts.STAFF);
    }

    /** Signs out with the header's button. */
    public void signOut() {
        page.click(".sign-out-form button[type=submit]");
        assertThat(page.locator(".sign-in-link")).isVisible();
    }

    /** The status badge on an order's page. */
    public Locator statusBadge() {
        return page.locator(".order-head .badge");
    }

    /** A product's units sold, on the Sales page's table (confirmed minus cancelled). */
    public Locator salesUnits(String sku) {
        return page.locator(".products-table tr[data-sku=" + sku + "] td.units");
    }

    /** A product's revenue with its currency, on the Sales page's table. */
    public Locator salesRevenue(String sku) {
        return page.locator(".products-table tr[data-sku=" + sku + "] td.revenue");
    }

    /** A product's stock figure on the inventory page. */
    public Locator stockCell(String sku) {
        return page.locator("tr[data-sku=" + sku + "] .stock-figure");
    }
}
