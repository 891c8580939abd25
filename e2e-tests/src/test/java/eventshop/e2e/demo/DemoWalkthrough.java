package eventshop.e2e.demo;

import eventshop.testing.TestAccounts;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import eventshop.e2e.BrowserSession;
import eventshop.e2e.ShopPage;
import eventshop.e2e.SystemUnderTest;
import eventshop.events.Topics;
import eventshop.testing.KafkaTestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventshop.e2e.SystemUnderTest.INVENTORY;
import static eventshop.e2e.SystemUnderTest.WEB_UI;
import static org.awaitility.Awaitility.await;

/**
 * The demo video's story, played on the real system (four service JVMs, the real broker and PostgreSQL) in Chromium,
 * one captioned frame per step: documentation/demo/script.md tells a presenter the same story. Not a test of the
 * default build (its name does not end in Test); {@code ./mvnw -B verify -Pdemo} runs it alone (the services are
 * packaged, their tests skipped), and documentation/demo/make-demo.sh turns the frames into demo.mp4 and demo.gif.
 * Every wait is on something the page shows, so a frame is taken only once it shows what its caption says; the
 * figures in the captions are those of the seed catalog on fresh databases, which SystemUnderTest provides.
 */
class DemoWalkthrough {

    private final SystemUnderTest system = SystemUnderTest.shared();
    private final Filmstrip film = new Filmstrip(Path.of(System.getProperty("eventshop.demo.frames",
            "target/demo/frames")));
    private Page page;
    private ShopPage shop;

    @Test
    void walkThroughTheShop() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (BrowserSession browser = new BrowserSession()) {
            // 1280x800 keeps the video small and legible; the caption bar is added by script, whatever the CSP says.
            page = browser.newPage(new Browser.NewContextOptions().setViewportSize(1280, 800).setBypassCSP(true));
            shop = new ShopPage(page, system.url(WEB_UI));
            String adasOrder = placeAnOrderAndWatchItConfirmed();
            orderWhileInventoryIsDown();
            orderMoreThanTheStock();
            cancelAndSeeTheStockRestored(adasOrder);
            restock();
            notifications();
            auditJournalWithAnInvalidRecord(adasOrder);
            salesMoveLive(browser);
            architecture();
            film.finish();
        }
    }

    private String placeAnOrderAndWatchItConfirmed() {
        shop.open("/");
        film.card(page, "shop", "Event Shop: services that talk only through Kafka events",
                "orders, inventory-notification and audit never call each other. The panel on the right shows "
                        + "every event on Kafka as it happens.");

        shop.fillOrder("Ada Lovelace", "ada@example.com", "ESP-001", "2");
        page.click("#add-line");
        page.locator("li.line").nth(1).locator("select[name=sku]").selectOption("CAP-001");
        Filmstrip.scrollToTop(page.locator(".order-form-card"));
        Filmstrip.highlight(page.locator("#place-order"));
        film.step(page, "order-form", "Ada orders two espressos and a cappuccino",
                "orders-service prices the lines from its own copy of the catalog, fed by the shop.catalog topic.");

        page.click("#place-order");
        page.waitForURL(ShopPage.ORDER_URL);
        assertThat(shop.statusBadge()).hasText("CONFIRMED", ShopPage.FLOW);
        Filmstrip.highlight(page.locator(".order-head .badge"));
        film.step(page, "order-confirmed", "Confirmed within milliseconds, without reloading the page",
                "orders-service stored the order as PENDING and its OrderPlaced event in the outbox, in one "
                        + "transaction. Inventory reserved the stock, orders confirmed: the page followed live.");

        assertThat(page.locator("tr.timeline-event[data-event-type=NotificationSent]")).hasCount(1);
        Filmstrip.scrollToTop(page.locator("#timeline"));
        film.then(page, "order-timeline", "The order's timeline, from the audit journal",
                "Each arrow is an event on a topic, with the milliseconds since the click. Every one of them carries "
                        + "the request id of Ada's click: the correlation id.");
        return page.url();
    }

    private void orderWhileInventoryIsDown() {
        system.service(INVENTORY).stop();
        shop.open("/");
        assertThat(page.locator(".health [data-service=" + INVENTORY + "]")).hasClass(Pattern.compile(
                ".*health-down.*"));
        shop.fillOrder("Alan Turing", "alan@example.com", "MUG-001", "2");
        page.click("#place-order");
        page.waitForURL(ShopPage.ORDER_URL);
        assertThat(shop.statusBadge()).hasText("PENDING");
        assertThat(page.locator("tr.timeline-event[data-event-type=OrderPlaced]")).hasCount(1);
        Filmstrip.highlight(page.locator(".order-head .badge"));
        Filmstrip.highlight(page.locator(".health [data-service=" + INVENTORY + "]"));
        film.step(page, "inventory-down-pending", "Inventory is down: Alan's order is still taken",
                "Alan orders two mugs. orders-service accepts and stores it as PENDING; OrderPlaced waits on Kafka "
                        + "for the inventory consumer group.");

        system.ensureRunning(INVENTORY);
        assertThat(shop.statusBadge()).hasText("CONFIRMED", ShopPage.FLOW);
        assertThat(page.locator(".health [data-service=" + INVENTORY + "]")).hasClass(Pattern.compile(
                ".*health-up.*"));
        Filmstrip.highlight(page.locator(".order-head .badge"));
        Filmstrip.highlight(page.locator(".health [data-service=" + INVENTORY + "]"));
        film.then(page, "inventory-back-confirmed", "Inventory is back: the order turns CONFIRMED by itself",
                "It resumed from its committed offset and reserved the mugs. Nothing was lost, nobody retried by "
                        + "hand: the services are decoupled in time, not only in code.");
    }

    private void orderMoreThanTheStock() {
        shop.open("/");
        shop.fillOrder("Grace Hopper", "grace@example.com", "MUG-001", "2");
        page.click("#place-order");
        page.waitForURL(ShopPage.ORDER_URL);
        assertThat(shop.statusBadge()).hasText("REJECTED", ShopPage.FLOW);
        Filmstrip.highlight(page.locator(".reason"));
        film.step(page, "order-rejected", "Two mugs, one left: rejected, with the reason",
                "Inventory reserves all lines or none in one transaction and answers StockRejected; orders-service "
                        + "marks the order REJECTED. No stock was touched.");
    }

    private void cancelAndSeeTheStockRestored(String adasOrder) {
        shop.open(adasOrder.substring(system.url(WEB_UI).length()));
        page.locator("#cancel-order").click();
        assertThat(shop.statusBadge()).hasText("CANCELLED", ShopPage.FLOW);
        Filmstrip.highlight(page.locator(".order-head .badge"));
        film.step(page, "order-cancelled", "Ada cancels her confirmed order",
                "Cancelling is allowed while PENDING or CONFIRMED. orders-service records CANCELLED and publishes "
                        + "OrderCancelled through its outbox, in one transaction.");

        assertThat(page.locator("tr.timeline-event[data-event-type=StockReleased]")).hasCount(1, new LocatorAssertions
                .HasCountOptions().setTimeout(60_000));
        Filmstrip.scrollToTop(page.locator("#timeline"));
        film.then(page, "order-cancelled-timeline", "Compensation, not rollback",
                "The confirmation is not undone in place: OrderCancelled is a new fact, and inventory reacts by "
                        + "releasing the reserved stock (StockReleased) and telling Ada.");

        signInAsStaff();
        shop.open("/inventory");
        assertThat(shop.stockCell("ESP-001")).hasText("50", ShopPage.FLOW);
        assertThat(shop.stockCell("CAP-001")).hasText("40", ShopPage.FLOW);
        Filmstrip.highlight(shop.stockCell("ESP-001"));
        Filmstrip.highlight(shop.stockCell("CAP-001"));
        film.then(page, "stock-restored", "The stock is back: 50 espressos, 40 cappuccinos",
                "The mugs stay reserved for Alan: one left, under the low-water mark, so inventory raised "
                        + "LowStockDetected.");
    }

    /** The inventory is for staff: the shop sends an anonymous visitor to the sign-in page. */
    private void signInAsStaff() {
        page.navigate(system.url(WEB_UI) + "/inventory");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.fill("input[name=username]", TestAccounts.STAFF);
        page.fill("input[name=password]", TestAccounts.STAFF_PASSWORD);
        Filmstrip.highlight(page.locator("#sign-in-form"));
        film.step(page, "sign-in", "Staff sign in; shoppers never need to",
                "The shop, an order's page and cancelling it are open to anyone, with customers masked in the "
                        + "ticker. Stock, notifications, every order and the journal are for staff: locally the "
                        + "account staff / staff-demo (EVENTSHOP_STAFF_PASSWORD; change it).");
        page.click("#sign-in-form button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
    }

    private void restock() {
        Locator mugs = page.locator("tr[data-sku=MUG-001]");
        mugs.locator("input[name=quantity]").fill("10");
        mugs.locator("button[type=submit]").click();
        assertThat(page.locator(".notice")).containsText("MUG-001");
        assertThat(shop.stockCell("MUG-001")).hasText("11", ShopPage.FLOW);
        Filmstrip.highlight(shop.stockCell("MUG-001"));
        film.step(page, "restocked", "Staff restock ten mugs",
                "A second way into the system: inventory publishes StockReplenished and a new ProductSnapshot; every "
                        + "open page and the orders catalog update from the events.");
    }

    private void notifications() {
        shop.open("/notifications");
        assertThat(page.locator("article.notification").filter(new Locator.FilterOptions()
                .setHasText("Order cancelled"))).hasCount(1);
        assertThat(page.locator("article.audience-staff")).hasCount(1);
        Filmstrip.highlight(page.locator("article.audience-staff"));
        film.step(page, "notifications", "Who was told what: customers and staff",
                "inventory-notification-service notifies as part of each decision: confirmed, not fulfilled, "
                        + "cancelled, low stock. Each notification is itself an event (NotificationSent).");
    }

    private void auditJournalWithAnInvalidRecord(String adasOrder) {
        try (KafkaTestClient kafka = KafkaTestClient.forSharedBroker()) {
            kafka.sendRaw(Topics.ORDERS, "not-an-order", "{this is not an event".getBytes(StandardCharsets.UTF_8));
        }
        awaitJournalRow("/audit?invalid=true", "tr.invalid-record");
        awaitJournalRow("/audit?topic=" + Topics.DEADLETTER, "table.journal tbody tr:not(:has(td.empty))");
        shop.open("/audit");
        Filmstrip.scrollToTop(page.locator("table.journal"));
        Filmstrip.highlight(page.locator("tr.invalid-record"));
        film.step(page, "audit-invalid", "A poison record: journaled as invalid, dead-lettered, nothing stops",
                "Garbage bytes on shop.orders. audit (its own consumer group) journals them with the parse error; "
                        + "inventory moves them to shop.deadletter and carries on.");

        String orderId = adasOrder.substring(adasOrder.lastIndexOf('/') + 1);
        shop.open("/audit?orderId=" + orderId);
        assertThat(page.locator("table.journal tbody tr")).hasCount(7);
        Filmstrip.scrollToTop(page.locator("table.journal"));
        film.step(page, "audit-correlation", "Ada's order in the journal: two clicks, two request ids",
                "Each click's request id is on every event it caused, in every service: the placement's on four, "
                        + "the cancellation's on three. Grep the services' logs for it.");
    }

    /**
     * The Sales page stays open while Ada orders three espressos in a second tab and cancels them: its figures move
     * with each event from the stream processor, without a reload. Before: her first espressos were confirmed and
     * cancelled, so Espresso stands at 0 units.
     */
    private void salesMoveLive(BrowserSession browser) {
        shop.open("/sales");
        assertThat(shop.salesUnits("ESP-001")).hasText("0", ShopPage.FLOW);
        Page orderTab = browser.newPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        ShopPage secondTab = new ShopPage(orderTab, system.url(WEB_UI));
        secondTab.placeOrder("Ada Lovelace", "ada@example.com", "ESP-001", "3");
        assertThat(secondTab.statusBadge()).hasText("CONFIRMED", ShopPage.FLOW);
        assertThat(shop.salesUnits("ESP-001")).hasText("3", ShopPage.FLOW);
        assertThat(shop.salesRevenue("ESP-001")).hasText("6.60 EUR", ShopPage.FLOW);
        Filmstrip.highlight(page.locator(".products-table tr[data-sku=ESP-001]"));
        film.step(page, "sales-confirmed", "Sales, live from a Kafka Streams processor",
                "Ada orders three espressos in another tab. analytics-service joins OrderConfirmed with the placed "
                        + "order's lines and publishes the figures to shop.sales; this page redraws from them.");

        orderTab.locator("#cancel-order").click();
        assertThat(secondTab.statusBadge()).hasText("CANCELLED", ShopPage.FLOW);
        assertThat(shop.salesUnits("ESP-001")).hasText("0", ShopPage.FLOW);
        Filmstrip.highlight(page.locator(".products-table tr[data-sku=ESP-001]"));
        film.then(page, "sales-cancelled", "A cancellation takes the sale back",
                "OrderCancelled subtracts the order's units and revenue, in its minute and in the totals. State "
                        + "stores, shop.sales and the input offsets commit in one Kafka transaction: exactly once.");
        orderTab.context().close();
    }

    private void architecture() {
        shop.open("/architecture");
        film.card(page, "architecture", "Outbox, pub/sub, idempotent consumers, compensation, dead letters",
                "Every service gets them from the shared platform module. Read documentation/architecture.md, or "
                        + "clone the repository and run ./start.sh.");
    }

    /** The journal page is rendered once; reloads it until the row is there (the audit consumer is asynchronous). */
    private void awaitJournalRow(String path, String row) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page.navigate(system.url(WEB_UI) + path);
            return page.locator(row).count() > 0;
        });
    }
}
