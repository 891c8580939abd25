package eventshop.benchmark;

import eventshop.benchmark.Results.LoadRun;
import eventshop.benchmark.Results.PhaseResult;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run's chart as SVG: click-to-confirmed percentiles against offered rate (left) and accepted and
 * confirmed-or-rejected throughput against offered rate (right), both on log-log axes. Written with the JDK's StAX
 * writer (no SVG charting library resolves from this machine's registry); the plotting is a few lines of arithmetic.
 */
final class Chart {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final int PANEL_W = 480;
    private static final int PANEL_H = 340;
    private static final int MARGIN_L = 64;
    private static final int MARGIN_T = 48;
    private static final int MARGIN_B = 52;
    private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a"};

    private Chart() {
    }

    private record Series(String name, ToDoubleFunction<PhaseResult> value) {
    }

    static void write(LoadRun run, Path file) throws Exception {
        List<PhaseResult> open = run.phases().stream().filter(p -> p.kind().equals("open"))
                .sorted((a, b) -> Double.compare(a.offeredPerSecond(), b.offeredPerSecond())).toList();
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("svg");
            w.writeDefaultNamespace(SVG);
            attr(w, "width", 2 * PANEL_W + 40, "height", PANEL_H + 60);
            w.writeAttribute("font-family", "sans-serif");
            w.writeAttribute("font-size", "12");
            text(w, 20, 22, "Event Shop benchmark " + run.startedAt() + " — open loop, "
                    + run.settings().seconds() + " s per rate; max sustained " + (run.maxSustainedPerSecond() == null
                    ? "none" : String.format(Locale.ROOT, "%.0f orders/s", run.maxSustainedPerSecond())), "start", 14);
            panel(w, 10, 30, "click-to-confirmed (ms)", open, List.of(
                    new Series("p50", p -> p.clickToResolvedMs().p50()), new Series("p95", p -> p.clickToResolvedMs().p95()),
                    new Series("p99", p -> p.clickToResolvedMs().p99()), new Series("max", p -> p.clickToResolvedMs().max())),
                    false);
            panel(w, PANEL_W + 30, 30, "throughput (orders/s)", open, List.of(
                    new Series("accepted/s", PhaseResult::acceptedPerSecond),
                    new Series("confirmed-or-rejected/s", PhaseResult::resolvedPerSecond)), true);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
    }

    private static void panel(XMLStreamWriter w, int x0, int y0, String title, List<PhaseResult> phases,
                              List<Series> series, boolean diagonal) throws XMLStreamException {
        double xMin = phases.stream().mapToDouble(PhaseResult::offeredPerSecond).min().orElse(10);
        double xMax = phases.stream().mapToDouble(PhaseResult::offeredPerSecond).max().orElse(1000);
        double yMin = Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : series) {
            for (PhaseResult p : phases) {
                double v = s.value().applyAsDouble(p);
                if (v > 0) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        if (diagonal) {
            yMin = Math.min(yMin, xMin);
            yMax = Math.max(yMax, xMax);
        }
        Axis x = Axis.of(xMin, xMax, x0 + MARGIN_L, x0 + PANEL_W - 16);
        Axis y = Axis.of(yMin == Double.MAX_VALUE ? 1 : yMin, Math.max(yMax, 1), y0 + PANEL_H - MARGIN_B, y0 + MARGIN_T);
        text(w, x0 + PANEL_W / 2.0, y0 + 30, title + " against offered orders/s", "middle", 13);
        line(w, x.from, y.from, x.to, y.from, "#333");
        line(w, x.from, y.from, x.from, y.to, "#333");
        for (double t : x.ticks()) {
            line(w, x.at(t), y.from, x.at(t), y.to, "#eee");
            text(w, x.at(t), y.from + 16, label(t), "middle", 11);
        }
        for (double t : y.ticks()) {
            line(w, x.from, y.at(t), x.to, y.at(t), "#eee");
            text(w, x.from - 6, y.at(t) + 4, label(t), "end", 11);
        }
        text(w, x0 + PANEL_W / 2.0, y0 + PANEL_H - 14, "offered orders/s (log scale)", "middle", 11);
        if (diagonal) {
            w.writeStartElement("line");
            attr(w, "x1", x.at(x.min), "y1", y.at(x.min), "x2", x.at(x.max), "y2", y.at(x.max));
            w.writeAttribute("stroke", "#999");
            w.writeAttribute("stroke-dasharray", "4 3");
            w.writeEndElement();
            text(w, x.at(x.max) - 4, y.at(x.max) + 14, "= offered", "end", 10);
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (PhaseResult p : phases) {
                double v = s.value().applyAsDouble(p);
                if (v > 0) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(p.offeredPerSecond()), y.at(v)));
                    w.writeStartElement("circle");
                    attr(w, "cx", x.at(p.offeredPerSecond()), "cy", y.at(v));
                    w.writeAttribute("r", "3");
                    w.writeAttribute("fill", colour);
                    w.writeEndElement();
                }
            }
            w.writeStartElement("polyline");
            w.writeAttribute("points", points.toString().trim());
            w.writeAttribute("fill", "none");
            w.writeAttribute("stroke", colour);
            w.writeAttribute("stroke-width", "2");
            w.writeEndElement();
            double ly = y0 + MARGIN_T + 4 + 16 * i;
            line(w, x.from + 10, ly, x.from + 30, ly, colour);
            text(w, x.from + 36, ly + 4, s.name(), "start", 11);
        }
    }

    /** A log-scale axis from data values to pixels. */
    private record Axis(double min, double max, double from, double to) {
        static Axis of(double min, double max, double from, double to) {
            double lo = Math.pow(10, Math.floor(Math.log10(min)));
            double hi = Math.pow(10, Math.ceil(Math.log10(max * 1.0001)));
            return new Axis(lo, hi, from, to);
        }

        double at(double v) {
            return from + (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) * (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new java.util.ArrayList<>();
            for (double decade = min; decade <= max * 1.0001; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    if (decade * m <= max * 1.0001) {
                        ticks.add(decade * m);
                    }
                }
            }
            return ticks;
        }
    }

    private static String label(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void line(XMLStreamWriter w, double x1, double y1, double x2, double y2, String colour)
            throws XMLStreamException {
        w.writeStartElement("line");
        attr(w, "x1", x1, "y1", y1, "x2", x2, "y2", y2);
        w.writeAttribute("stroke", colour);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, double x, double y, String text, String anchor, int size)
            throws XMLStreamException {
        w.writeStartElement("text");
        attr(w, "x", x, "y", y);
        w.writeAttribute("text-anchor", anchor);
        w.writeAttribute("font-size", String.valueOf(size));
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void attr(XMLStreamWriter w, Object... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            w.writeAttribute((String) pairs[i], v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(v));
        }
    }
}
