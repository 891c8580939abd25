package eventshop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventshop.e2e.SystemUnderTest.ANALYTICS;
import static eventshop.e2e.SystemUnderTest.INVENTORY;
import static eventshop.e2e.SystemUnderTest.WEB_UI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders placed and one cancelled in the browser move analytics-service's figures by exactly their amounts: on
 * GET /sales/products and on the Sales page, which redraws itself from shop.sales while it stays open.
 * AME-001 is ordered by no other scenario (they only restock it), so its figures change by this test alone.
 */
class SalesInTheBrowserTest {

    private static final String SKU = "AME-001";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static SystemUnderTest system;
    private static BrowserSession browser;
    private final JsonHttp http = new JsonHttp();

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
    void twoOrdersAndOneCancellationMoveTheSalesFiguresByExactlyTheirAmounts() {
        BigDecimal price = new BigDecimal(product().get("price").asText());
        int stockBefore = product().get("stock").asInt();
        JsonNode before = sales();
        long unitsBefore = before.get("units").asLong();
        BigDecimal revenueBefore = new BigDecimal(before.get("revenue").asText());

        Page salesPage = browser.newPage();
        ShopPage sales = new ShopPage(salesPage, system.url(WEB_UI));
        sales.open("/sales");
        salesPage.evaluate("() => { window.notReloaded = true; }");
        assertThat(sales.salesUnits(SKU)).hasText(String.valueOf(unitsBefore));

        Page orderPage = browser.newPage();
        ShopPage shop = new ShopPage(orderPage, system.url(WEB_UI));
        shop.placeOrder("Barbara Liskov", "barbara@example.com", SKU, "2");
        assertThat(shop.statusBadge()).hasText("CONFIRMED", ShopPage.FLOW);
        shop.placeOrder("Margaret Hamilton", "margaret@example.com", SKU, "1");
        assertThat(shop.statusBadge()).hasText("CONFIRMED", ShopPage.FLOW);
        orderPage.locator("#cancel-order").click();
        assertThat(shop.statusBadge()).hasText("CANCELLED", ShopPage.FLOW);

        long unitsAfter = unitsBefore + 2;
        BigDecimal revenueAfter = revenueBefore.add(price.multiply(BigDecimal.valueOf(2)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode after = sales();
            assertThat(after.get("units").asLong()).isEqualTo(unitsAfter);
            assertThat(new BigDecimal(after.get("revenue").asText())).isEqualByComparingTo(revenueAfter);
        });
        assertThat(sales.salesUnits(SKU)).hasText(String.valueOf(unitsAfter), ShopPage.FLOW);
        assertThat(sales.salesRevenue(SKU)).hasText(revenueAfter.setScale(2) + " EUR", ShopPage.FLOW);
        assertThat(salesPage.locator("svg.products-chart")).isVisible();
        assertThat(salesPage.evaluate("() => window.notReloaded === true")).as("redrawn live, not reloaded")
                .isEqualTo(true);
        BrowserSession.screenshot(salesPage, "sales-after-orders-and-a-cancellation");

        // Leave the stock as the other scenarios expect it: the cancelled order's units are back on the shelf.
        await().atMost(PATIENCE).until(() -> product().get("stock").asInt() == stockBefore - 2);
    }

    private JsonNode sales() {
        JsonHttp.Response response = http.get(system.url(ANALYTICS) + "/sales/products");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode product : response.body()) {
            if (SKU.equals(product.get("sku").asText())) {
                return product;
            }
        }
        throw new AssertionError(SKU + " missing from GET /sales/products: " + response.body());
    }

    private JsonNode product() {
        JsonHttp.Response response = http.get(system.url(INVENTORY) + "/products/" + SKU);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
