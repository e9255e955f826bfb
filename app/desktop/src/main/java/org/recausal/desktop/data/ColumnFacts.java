package org.recausal.desktop.data;

import java.util.ArrayList;
import java.util.List;

import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ColumnType;

/**
 * What a column card says, worked out from a {@link ColumnSummary}: the facts as label and text, and the small
 * chart (a histogram for numbers and times, bars of the most frequent values for labels and booleans).
 *
 * @param facts one line each: missing, distinct, then range and moments or the most common value
 * @param chart what the card draws; its bars in order
 */
public record ColumnFacts(String name, String type, List<Fact> facts, Chart chart) {

    /** Bars shown for labels; the rest are summed up in the chart's note. */
    static final int TOP_BARS = 6;

    public ColumnFacts {
        facts = List.copyOf(facts);
    }

    public record Fact(String label, String value) {
    }

    /** One bar: its label (a category, or a bin's range) and its count. */
    public record Bar(String label, long count) {
    }

    /**
     * @param histogram true for equal-width bins drawn side by side, false for category bars
     * @param low       text under the left end (histogram) or empty
     * @param high      text under the right end (histogram) or empty
     * @param note      e.g. "+ 1,204 other values", or empty
     */
    public record Chart(boolean histogram, List<Bar> bars, String low, String high, String note) {
        public Chart {
            bars = List.copyOf(bars);
        }

        public long maxCount() {
            return bars.stream().mapToLong(Bar::count).max().orElse(0);
        }
    }

    public static ColumnFacts of(ColumnSummary summary) {
        long rows = (long) summary.count() + summary.missing();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Missing", summary.missing() == 0 ? "none"
                : Formats.count(summary.missing()) + " (" + Formats.percent((double) summary.missing() / rows) + ")"));
        facts.add(new Fact("Distinct", (summary.distinctExact() ? "" : "\u2265 ") + Formats.count(summary.distinct())));
        ColumnType type = summary.type();
        if (summary.count() > 0 && type == ColumnType.TIMESTAMP) {
            facts.add(new Fact("From", Formats.time((long) summary.min())));
            facts.add(new Fact("To", Formats.time((long) summary.max())));
        } else if (summary.count() > 0 && (type == ColumnType.INTEGER || type == ColumnType.DECIMAL)) {
            facts.add(new Fact("Min \u2013 max", Formats.number(summary.min()) + " \u2013 "
                    + Formats.number(summary.max())));
            facts.add(new Fact("Mean", Formats.number(summary.mean())));
            facts.add(new Fact("SD", Formats.number(summary.sd())));
        } else if (!summary.topCategories().isEmpty()) {
            ColumnSummary.CategoryCount top = summary.topCategories().getFirst();
            facts.add(new Fact("Most common", top.label() + " (" + Formats.percent((double) top.count()
                    / Math.max(1, summary.count())) + ")"));
        }
        return new ColumnFacts(summary.name(), Formats.type(type), facts, chart(summary));
    }

    private static Chart chart(ColumnSummary summary) {
        if (!summary.histogram().isEmpty()) {
            List<Bar> bars = summary.histogram().stream()
                    .map(bin -> new Bar(range(summary.type(), bin), bin.count())).toList();
            boolean time = summary.type() == ColumnType.TIMESTAMP;
            // Under a small chart a date is enough; the facts above give the times.
            return new Chart(true, bars, time ? Formats.date((long) summary.min()) : Formats.number(summary.min()),
                    time ? Formats.date((long) summary.max()) : Formats.number(summary.max()), "");
        }
        List<Bar> bars = summary.topCategories().stream().limit(TOP_BARS)
                .map(c -> new Bar(c.label(), c.count())).toList();
        long shown = bars.stream().mapToLong(Bar::count).sum();
        long otherValues = summary.distinct() - bars.size();
        String note = otherValues <= 0 ? "" : "+ " + Formats.count(otherValues) + " other value"
                + (otherValues == 1 ? "" : "s") + " (" + Formats.percent(
                (double) (summary.count() - shown) / Math.max(1, summary.count())) + " of rows)";
        return new Chart(false, bars, "", "", note);
    }

    private static String range(ColumnType type, ColumnSummary.Bin bin) {
        if (type == ColumnType.INTEGER && bin.upper() - bin.lower() == 1) {
            return Formats.number(bin.lower() + 0.5);
        }
        if (type == ColumnType.TIMESTAMP) {
            return Formats.time((long) bin.lower()) + " \u2013 " + Formats.time((long) bin.upper());
        }
        return Formats.number(bin.lower()) + " \u2013 " + Formats.number(bin.upper());
    }
}
