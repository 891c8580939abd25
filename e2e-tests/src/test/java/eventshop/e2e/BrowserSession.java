package eventshop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set by the pom).
 * The flags keep a headless Chromium quiet on a machine without network access or a sandbox.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get(System.getProperty("eventshop.e2e.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Paths.get(System.getProperty("eventshop.e2e.screenshots",
            "target/screenshots"));

    private final Playwright playwright;
    private final Browser browser;

    public BrowserSession() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    /** A fresh page (own cookies) at the shop's size of a laptop screen. */
    public Page newPage() {
        return newPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** A fresh page in its own context (cookies, viewport, CSP handling as the options say). */
    public Page newPage(Browser.NewContextOptions options) {
        Page page = browser.newContext(options).newPage();
        page.setDefaultTimeout(30_000);
        // The browser's console and failed requests go to the test log: the first place to look when a page is stuck.
        page.onConsoleMessage(message -> System.out.println("[browser " + message.type() + "] " + message.text()));
        page.onRequestFailed(request -> System.out.println("[browser request failed] " + request.url() + " "
                + request.failure()));
        return page;
    }

    static void screenshot(Page page, String scenario) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(scenario + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
