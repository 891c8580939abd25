package eventshop.webui.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the Sales page's two SVG charts, computed here so the templates only place what they are given:
 * revenue per minute as bars with units per minute as a line of dots, and revenue per product as horizontal bars.
 * Every bar and dot carries its figure as text, so nothing depends on telling colours apart.
 */
public record SalesCharts(Timeline timeline, List<ProductBar> products, String currency) {

    public static final int WIDTH = 720;
    static final int TIMELINE_HEIGHT = 220;
    static final int LEFT = 56;
    static final int TOP = 16;
    static final int BOTTOM = 36;
    static final int BAR_HEIGHT = 24;
    static final int BAR_GAP = 10;
    static final int LABEL_WIDTH = 150;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One minute: its revenue bar, its units dot, labels. */
    public record MinuteBar(String label, BigDecimal revenue, long units, int x, int width, int barY, int barHeight,
                            int dotY, boolean labelled) {
    }

    public record Timeline(int width, int height, int baseline, BigDecimal maxRevenue, long maxUnits,
                           List<MinuteBar> minutes, String unitsPath) {
    }

    public record ProductBar(String sku, String name, long units, BigDecimal revenue, int y, int width) {
    }

    public static SalesCharts of(List<SalesClient.Minute> minutes, List<SalesClient.ProductSales> products,
                                 String currency) {
        return new SalesCharts(timeline(minutes), productBars(products), currency);
    }

    public int productsHeight() {
        return TOP + Math.max(1, products.size()) * (BAR_HEIGHT + BAR_GAP) + 8;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    private static Timeline timeline(List<SalesClient.Minute> minutes) {
        int baseline = TIMELINE_HEIGHT - BOTTOM;
        int plotHeight = baseline - TOP;
        BigDecimal maxRevenue = minutes.stream().map(SalesClient.Minute::revenue).map(r -> r.max(BigDecimal.ZERO))
                .reduce(BigDecimal.ONE, BigDecimal::max);
        long maxUnits = Math.max(1, minutes.stream().mapToLong(SalesClient.Minute::units).max().orElse(1));
        int slot = minutes.isEmpty() ? 0 : (WIDTH - LEFT - 8) / minutes.size();
        int labelEvery = Math.max(1, (int) Math.ceil(minutes.size() / 12.0));
        List<MinuteBar> bars = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < minutes.size(); i++) {
            SalesClient.Minute minute = minutes.get(i);
            BigDecimal shown = minute.revenue().max(BigDecimal.ZERO);
            int height = shown.multiply(BigDecimal.valueOf(plotHeight)).divide(maxRevenue, 0, RoundingMode.HALF_UP)
                    .intValue();
            int x = LEFT + i * slot;
            int dotY = baseline - (int) Math.round((double) Math.max(0, minute.units()) * plotHeight / maxUnits);
            path.append(i == 0 ? "M" : " L").append(x + slot / 2).append(',').append(dotY);
            bars.add(new MinuteBar(CLOCK.format(minute.start()), minute.revenue(), minute.units(), x + 1,
                    Math.max(1, slot - 2), baseline - height, height, dotY,
                    (minutes.size() - 1 - i) % labelEvery == 0));
        }
        return new Timeline(WIDTH, TIMELINE_HEIGHT, baseline, maxRevenue, maxUnits, bars, path.toString());
    }

    private static List<ProductBar> productBars(List<SalesClient.ProductSales> products) {
        BigDecimal max = products.stream().map(SalesClient.ProductSales::revenue).map(r -> r.max(BigDecimal.ZERO))
                .reduce(BigDecimal.ONE, BigDecimal::max);
        int room = WIDTH - LABEL_WIDTH - 120;
        List<ProductBar> bars = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            SalesClient.ProductSales p = products.get(i);
            int width = p.revenue().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(room))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new ProductBar(p.sku(), p.name(), p.units(), p.revenue(), TOP + i * (BAR_HEIGHT + BAR_GAP),
                    width));
        }
        return bars;
    }
}
