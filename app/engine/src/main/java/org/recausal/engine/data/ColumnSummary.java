package org.recausal.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A column at a glance: how many values are there and missing, how many distinct, and for numbers the range, mean,
 * standard deviation and a histogram; for labels and booleans the most frequent values.
 *
 * @param count          non-missing values
 * @param distinct       distinct non-missing values; a lower bound when {@code distinctExact} is false
 * @param min            smallest value, NaN when the column is not numeric or has no values (timestamps: epoch ms)
 * @param sd             sample standard deviation (n - 1), NaN with fewer than 2 values
 * @param topCategories  the most frequent labels (booleans: true and false) with their counts, most frequent first
 * @param histogram      equal-width bins covering min..max; empty for labels and booleans
 */
public record ColumnSummary(String name, ColumnType type, int count, int missing, long distinct,
        boolean distinctExact, double min, double max, double mean, double sd, List<CategoryCount> topCategories,
        List<Bin> histogram) {

    public static final int DEFAULT_TOP_K = 10;
    /** Distinct numeric values are counted exactly up to this many; beyond it the count is a lower bound. */
    static final int DISTINCT_LIMIT = 1 << 20;
    private static final int MAX_BINS = 50;

    /** A label and how many rows hold it. */
    public record CategoryCount(String label, long count) {
    }

    /** A histogram bin [lower, upper) (the last bin includes its upper edge). */
    public record Bin(double lower, double upper, long count) {
    }

    public ColumnSummary {
        topCategories = List.copyOf(topCategories);
        histogram = List.copyOf(histogram);
    }

    public static ColumnSummary of(Column column) {
        return of(column, DEFAULT_TOP_K);
    }

    public static ColumnSummary of(Column column, int topK) {
        return switch (column) {
            case CategoricalColumn labels -> ofLabels(labels, topK);
            case BooleanColumn booleans -> ofBooleans(booleans);
            case IntegerColumn integers -> ofNumbers(column, integers, true);
            case TimestampColumn times -> ofNumbers(column, times, false);
            case DecimalColumn decimals -> ofNumbers(column, decimals, false);
        };
    }

    private static ColumnSummary ofLabels(CategoricalColumn column, int topK) {
        long[] counts = new long[column.dictionary().size()];
        for (int row = 0; row < column.size(); row++) {
            int code = column.code(row);
            if (code >= 0) {
                counts[code]++;
            }
        }
        List<Integer> used = new ArrayList<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                used.add(code);
            }
        }
        List<CategoryCount> top = used.stream()
                .sorted(Comparator.<Integer>comparingLong(code -> -counts[code]).thenComparing(code -> code))
                .limit(topK)
                .map(code -> new CategoryCount(column.dictionary().label(code), counts[code]))
                .toList();
        int count = column.size() - column.missingCount();
        return new ColumnSummary(column.name(), column.type(), count, column.missingCount(), used.size(), true,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, top, List.of());
    }

    private static ColumnSummary ofBooleans(BooleanColumn column) {
        Moments moments = new Moments();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                moments.add(column.asDouble(row));
            }
        }
        long trues = Math.round(moments.mean * moments.n);
        List<CategoryCount> top = new ArrayList<>();
        top.add(new CategoryCount("true", trues));
        top.add(new CategoryCount("false", moments.n - trues));
        top.removeIf(c -> c.count() == 0);
        top.sort(Comparator.comparingLong(c -> -c.count()));
        return moments.summary(column, top.size(), true, top, List.of());
    }

    private static ColumnSummary ofNumbers(Column column, NumericColumn values, boolean integral) {
        Moments moments = new Moments();
        LongSet distinct = new LongSet();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                double value = values.asDouble(row);
                moments.add(value);
                // +0.0 and -0.0 are one value
                distinct.add(value == 0 ? 0 : Double.doubleToLongBits(value));
            }
        }
        List<Bin> bins = moments.n == 0 ? List.of() : histogram(column, values, moments, integral);
        return moments.summary(column, distinct.size(), !distinct.full(), List.of(), bins);
    }

    /**
     * One bin per value for whole numbers over a short range (ratings 1..5 get five bins); otherwise Scott's rule
     * (width 3.49 sd / n^(1/3)), at most 50 bins.
     */
    private static List<Bin> histogram(Column column, NumericColumn values, Moments moments, boolean integral) {
        double lower;
        double width;
        int bins;
        double range = moments.max - moments.min;
        if (integral && range < MAX_BINS) {
            lower = moments.min - 0.5;
            width = 1;
            bins = (int) range + 1;
        } else if (range == 0 || !(moments.sd() > 0)) {
            lower = moments.min;
            width = 0;
            bins = 1;
        } else {
            double scott = 3.49 * moments.sd() / Math.cbrt(moments.n);
            bins = (int) Math.max(1, Math.min(MAX_BINS, Math.ceil(range / scott)));
            lower = moments.min;
            width = range / bins;
        }
        long[] counts = new long[bins];
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                int bin = width == 0 ? 0 : (int) ((values.asDouble(row) - lower) / width);
                counts[Math.min(bins - 1, Math.max(0, bin))]++;
            }
        }
        List<Bin> histogram = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double upper = b == bins - 1 && width > 0 && !integral ? moments.max : lower + (b + 1) * width;
            histogram.add(new Bin(lower + b * width, width == 0 ? moments.max : upper, counts[b]));
        }
        return histogram;
    }

    /** Count, min, max, mean and variance in one pass (Welford's update, stable for large offsets). */
    private static final class Moments {
        long n;
        double mean;
        double squares;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            squares += delta * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }

        double sd() {
            return n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        }

        ColumnSummary summary(Column column, long distinct, boolean exact, List<CategoryCount> top, List<Bin> bins) {
            boolean none = n == 0;
            return new ColumnSummary(column.name(), column.type(), (int) n, column.missingCount(), distinct, exact,
                    none ? Double.NaN : min, none ? Double.NaN : max, none ? Double.NaN : mean, sd(), top, bins);
        }
    }

    /** Open-addressing set of longs that stops growing at {@link #DISTINCT_LIMIT} entries. */
    private static final class LongSet {
        private long[] keys = new long[64];
        private boolean[] used = new boolean[64];
        private int size;
        private boolean full;

        void add(long key) {
            if (full) {
                return;
            }
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (used[slot]) {
                if (keys[slot] == key) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            if (size == DISTINCT_LIMIT) {
                full = true;
                return;
            }
            used[slot] = true;
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = (int) mix(oldKeys[i]) & mask;
                    while (used[slot]) {
                        slot = (slot + 1) & mask;
                    }
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }

        int size() {
            return size;
        }

        /** Whether a value was left uncounted because the set reached its limit. */
        boolean full() {
            return full;
        }
    }
}
