package eventshop.e2e.demo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's camera: draws a caption bar into the page, saves the viewport as {@code NN-name.png} and lists every
 * frame with how long the video holds it in {@code frames.ffconcat} (ffmpeg's concat demuxer reads it as is, see
 * documentation/demo/make-demo.sh). The caption is an element added by {@code page.evaluate}; the page's own
 * scripts and styles are untouched, so what the frame shows is what a visitor sees, plus the caption.
 */
final class Filmstrip {

    /** Seconds a frame with a new caption stays on screen: time to read two lines. */
    static final int READ = 5;
    /** Seconds an in-between frame stays: enough to notice the change, e.g. PENDING before CONFIRMED. */
    static final int GLANCE = 3;

    private static final String DRAW_CAPTION = """
            ([label, title, text]) => {
              document.getElementById('demo-caption')?.remove();
              const bar = document.createElement('div');
              bar.id = 'demo-caption';
              Object.assign(bar.style, {position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647',
                padding: '14px 32px 18px', background: 'rgba(15, 23, 42, 0.94)', color: '#f8fafc',
                font: '19px/1.45 "DejaVu Sans", sans-serif', boxShadow: '0 -4px 16px rgba(0, 0, 0, 0.35)'});
              const head = document.createElement('div');
              Object.assign(head.style, {font: 'bold 23px/1.4 "DejaVu Sans", sans-serif', color: '#fbbf24',
                marginBottom: '4px'});
              head.textContent = label + '  ' + title;
              const body = document.createElement('div');
              body.textContent = text;
              bar.append(head, body);
              document.body.append(bar);
            }""";

    private static final String HIGHLIGHT = """
            element => {
              element.style.outline = '4px solid #f59e0b';
              element.style.outlineOffset = '4px';
              element.style.borderRadius = '6px';
            }""";

    private final Path directory;
    private final List<String> concat = new ArrayList<>();
    private int frames;
    private int steps;

    Filmstrip(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            try (var old = Files.list(directory)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws an orange frame around each element the caption talks about (until the page re-renders it). */
    static void highlight(Locator elements) {
        elements.evaluateAll("all => all.forEach(" + HIGHLIGHT + ")");
    }

    /** Scrolls the page so that the element starts just below the site's sticky header. */
    static void scrollToTop(Locator element) {
        element.first().evaluate(
                "e => window.scrollBy({top: e.getBoundingClientRect().top - 72, behavior: 'instant'})");
    }

    /** A frame that starts a new step of the story. */
    void step(Page page, String name, String title, String text) {
        steps++;
        shoot(page, name, "Step " + steps + " ·", title, text, READ);
    }

    /** A frame inside the current step, showing what changed since its first frame. */
    void then(Page page, String name, String title, String text) {
        shoot(page, name, "Step " + steps + " ·", title, text, GLANCE);
    }

    /** A frame without a step number (title and closing card), held like a step. */
    void card(Page page, String name, String title, String text) {
        shoot(page, name, "", title, text, READ);
    }

    private void shoot(Page page, String name, String label, String title, String text, int seconds) {
        page.evaluate(DRAW_CAPTION, List.of(label, title, text));
        String file = String.format(Locale.ROOT, "%02d-%s.png", ++frames, name);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(file)));
        page.evaluate("() => document.getElementById('demo-caption')?.remove()");
        concat.add("file '" + file + "'");
        concat.add("duration " + seconds);
        System.out.println("[demo] " + file + ": " + title);
    }

    /** Writes frames.ffconcat; the last frame is listed twice because the demuxer ignores the last duration. */
    void finish() {
        List<String> lines = new ArrayList<>();
        lines.add("ffconcat version 1.0");
        lines.addAll(concat);
        lines.add(concat.get(concat.size() - 2));
        try {
            Files.write(directory.resolve("frames.ffconcat"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
