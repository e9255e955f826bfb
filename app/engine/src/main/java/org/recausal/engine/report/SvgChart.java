package org.recausal.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small SVG charts for reports that must open anywhere: plain SVG 1.1 markup, no scripts, fonts from the reader's
 * system. Every chart whose colours carry meaning draws its legend.
 */
public final class SvgChart {

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 230;
    private static final int ROW_HEIGHT = 26;
    private static final String AXIS = "#9aa3ad";
    private static final String TEXT = "#2b3138";

    private SvgChart() {
    }

    /** One line of an interval chart: a value with its interval, drawn in its series' colour. */
    public record Point(String label, String series, double value, double lower, double upper) {
    }

    /** A bar of a bar chart: one category in one series, with an interval (NaN bounds to leave it out). */
    public record Bar(String category, String series, double value, double lower, double upper) {
    }

    /**
     * A forest plot: each point a dot with a whisker over its interval, on a shared horizontal axis with a line at
     * zero, one row per point; the series' colours (in order of first appearance) in a legend.
     */
    public static String intervals(List<Point> points, String axisLabel, Map<String, String> colours) {
        double lo = 0;
        double hi = 0;
        for (Point p : points) {
            lo = min(lo, p.value(), p.lower());
            hi = max(hi, p.value(), p.upper());
        }
        double pad = (hi - lo) * 0.08 + 1e-12;
        Axis axis = new Axis(lo - pad, hi + pad, LABEL_WIDTH, WIDTH - 30);
        int top = 34;
        int height = top + points.size() * ROW_HEIGHT + 46;
        StringBuilder svg = open(height);
        legend(svg, colours, 8);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double y = top + i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
            if (i % 2 == 0) {
                svg.append(String.format(Locale.ROOT, "<rect x='0' y='%.1f' width='%d' height='%d' fill='#f4f6f8'/>",
                        y - ROW_HEIGHT / 2.0, WIDTH, ROW_HEIGHT));
            }
            text(svg, LABEL_WIDTH - 10, y + 4, "end", p.label());
            String colour = colours.getOrDefault(p.series(), TEXT);
            if (Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
                svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s'"
                        + " stroke-width='2'/>", axis.x(p.lower()), y, axis.x(p.upper()), y, colour));
                for (double end : new double[] {p.lower(), p.upper()}) {
                    svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f'"
                            + " stroke='%s' stroke-width='2'/>", axis.x(end), y - 5, axis.x(end), y + 5, colour));
                }
            }
            svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='4.5' fill='%s'><title>%s: %s"
                    + "</title></circle>", axis.x(p.value()), y, colour, escape(p.label()), escape(range(p.value(),
                    p.lower(), p.upper()))));
        }
        double bottom = top + points.size() * ROW_HEIGHT;
        svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%.1f' stroke='%s'"
                + " stroke-dasharray='4 3'/>", axis.x(0), top, axis.x(0), bottom, AXIS));
        axis.draw(svg, bottom, axisLabel);
        return svg.append("</svg>").toString();
    }

    /** Grouped vertical bars with interval whiskers: for each category one bar per series. */
    public static String bars(List<Bar> bars, String axisLabel, Map<String, String> colours) {
        Map<String, List<Bar>> byCategory = new LinkedHashMap<>();
        bars.forEach(b -> byCategory.computeIfAbsent(b.category(), k -> new ArrayList<>()).add(b));
        double hi = 0;
        double lo = 0;
        for (Bar b : bars) {
            hi = max(hi, b.value(), b.upper());
            lo = min(lo, b.value(), b.lower());
        }
        hi += (hi - lo) * 0.08 + 1e-12;
        int top = 34;
        int plotHeight = 220;
        int left = 70;
        int height = top + plotHeight + 64;
        double span = hi - lo;
        StringBuilder svg = open(height);
        legend(svg, colours, 8);
        double slot = (WIDTH - left - 20.0) / byCategory.size();
        int series = colours.size();
        double barWidth = Math.min(40, slot * 0.7 / series);
        int c = 0;
        for (Map.Entry<String, List<Bar>> category : byCategory.entrySet()) {
            double x0 = left + c * slot + (slot - barWidth * series) / 2;
            for (Bar b : category.getValue()) {
                int s = new ArrayList<>(colours.keySet()).indexOf(b.series());
                double x = x0 + s * barWidth;
                double y = top + plotHeight * (hi - b.value()) / span;
                double zero = top + plotHeight * (hi - 0) / span;
                svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'>"
                        + "<title>%s, %s: %s</title></rect>", x, Math.min(y, zero), barWidth - 2, Math.abs(zero - y),
                        colours.getOrDefault(b.series(), TEXT), escape(b.category()), escape(b.series()),
                        escape(range(b.value(), b.lower(), b.upper()))));
                if (Double.isFinite(b.lower()) && Double.isFinite(b.upper())) {
                    double xm = x + (barWidth - 2) / 2;
                    double y1 = top + plotHeight * (hi - b.lower()) / span;
                    double y2 = top + plotHeight * (hi - b.upper()) / span;
                    svg.append(String.format(Locale.ROOT, "<path d='M%.1f %.1fV%.1fM%.1f %.1fh8M%.1f %.1fh8'"
                            + " stroke='%s' stroke-width='1.5' fill='none'/>", xm, y1, y2, xm - 4, y1, xm - 4, y2, TEXT));
                }
            }
            text(svg, left + c * slot + slot / 2, top + plotHeight + 18, "middle", category.getKey());
            c++;
        }
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='%s'/>", left,
                top + plotHeight * hi / span, WIDTH - 20, top + plotHeight * hi / span, AXIS));
        for (int k = 0; k <= 4; k++) {
            double v = lo + span * k / 4;
            double y = top + plotHeight * (hi - v) / span;
            text(svg, left - 6, y + 4, "end", number(v));
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#e3e7eb'/>",
                    left, y, WIDTH - 20, y));
        }
        text(svg, left, top + plotHeight + 44, "start", axisLabel);
        return svg.append("</svg>").toString();
    }

    /** A histogram of values in equal bins, with the count of each bin on hover. */
    public static String histogram(double[] values, int bins, String axisLabel, String colour) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            hi = lo + 1e-9;
        }
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        }
        int most = 1;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        int top = 14;
        int plotHeight = 180;
        int left = 70;
        StringBuilder svg = open(top + plotHeight + 60);
        double width = (WIDTH - left - 20.0) / bins;
        for (int b = 0; b < bins; b++) {
            double h = plotHeight * (double) counts[b] / most;
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'>"
                    + "<title>%s to %s: %d</title></rect>", left + b * width, top + plotHeight - h, width - 1, h,
                    colour, number(lo + (hi - lo) * b / bins), number(lo + (hi - lo) * (b + 1) / bins), counts[b]));
        }
        Axis axis = new Axis(lo, hi, left, WIDTH - 20);
        text(svg, left - 6, top + 10, "end", Integer.toString(most));
        text(svg, left - 6, top + plotHeight, "end", "0");
        axis.draw(svg, top + plotHeight, axisLabel);
        return svg.append("</svg>").toString();
    }

    /** A horizontal value axis from lo to hi over the pixels [from, to]. */
    private record Axis(double lo, double hi, double from, double to) {
        double x(double v) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }

        void draw(StringBuilder svg, double y, String label) {
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s'/>", from,
                    y, to, y, AXIS));
            for (int k = 0; k <= 4; k++) {
                double v = lo + (hi - lo) * k / 4;
                svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s'/>",
                        x(v), y, x(v), y + 4, AXIS));
                text(svg, x(v), y + 17, "middle", number(v));
            }
            text(svg, (from + to) / 2, y + 36, "middle", label);
        }
    }

    private static StringBuilder open(int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d'"
                + " height='%d' viewBox='0 0 %d %d' font-family='system-ui, -apple-system, Segoe UI, sans-serif'"
                + " font-size='12' role='img'>", WIDTH, height, WIDTH, height));
    }

    private static void legend(StringBuilder svg, Map<String, String> colours, int y) {
        double x = LABEL_WIDTH;
        for (Map.Entry<String, String> entry : colours.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%d' width='12' height='12' rx='2' fill='%s'/>", x,
                    y, entry.getValue()));
            text(svg, x + 17, y + 10, "start", entry.getKey());
            x += 30 + 7 * entry.getKey().length();
        }
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' text-anchor='%s' fill='%s'>%s</text>", x, y,
                anchor, TEXT, escape(text)));
    }

    private static double min(double a, double b, double c) {
        return Math.min(a, Math.min(b, Double.isFinite(c) ? c : b));
    }

    private static double max(double a, double b, double c) {
        return Math.max(a, Math.max(b, Double.isFinite(c) ? c : b));
    }

    /** A number with four significant digits. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String range(double value, double lower, double upper) {
        return number(value) + (Double.isFinite(lower) && Double.isFinite(upper)
                ? " [" + number(lower) + ", " + number(upper) + "]" : "");
    }

    /** Text made safe for XML and HTML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
