package org.recausal.engine.recsys.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.recausal.engine.recsys.RecsysException;

/**
 * How one trait variable becomes columns of the recommender's wide part.
 * <ul>
 * <li>Numeric: standardised, {@code (t(v) - mean) / sd}, with mean and sd taken over the model's users (or items),
 * each counted once. {@code t} is {@code log1p} when the values are counts (non-negative whole numbers) whose
 * skewness exceeds {@value #SKEWED}, as popularity and activity counts are: a long right tail would otherwise let
 * a few heavy users or items dominate the weight; else the identity. A missing value encodes as 0, the mean.</li>
 * <li>Categorical: one-hot with a reference level, the commonest (ties by name), which encodes as all zeros, so
 * each column's weight reads as the level's effect relative to the commonest one and no column is redundant. A
 * missing value is a level of its own, {@value #MISSING}. At most {@value #MAX_LEVELS} levels: a variable with more
 * behaves like an id, which the item and user embeddings already capture.</li>
 * </ul>
 * An observed value is a number for a numeric variable (NaN when missing) and the level's index in {@link #levels}
 * for a categorical one.
 *
 * @param log1p  whether numbers pass through {@code log1p} before standardising
 * @param mean   the mean of the transformed values (numeric only)
 * @param sd     their standard deviation, positive (numeric only)
 * @param levels the categorical levels, the reference first; empty for a numeric variable
 */
public record FeatureEncoding(String name, Side side, boolean categorical, boolean log1p, double mean, double sd,
        List<String> levels) {
    /** Skewness above which counts are log-transformed. */
    public static final double SKEWED = 1.0;
    public static final int MAX_LEVELS = 32;
    public static final String MISSING = "(missing)";

    /** Whose trait a variable is. */
    public enum Side {
        USER,
        ITEM
    }

    public FeatureEncoding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        levels = List.copyOf(levels);
        if (categorical ? levels.size() < 2 || levels.size() > MAX_LEVELS
                : !levels.isEmpty() || !Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new RecsysException("'" + name + "' has an impossible encoding: a categorical variable needs 2 to "
                    + MAX_LEVELS + " levels, a numeric one a finite mean and a positive standard deviation");
        }
    }

    /** Columns in the wide part. */
    public int width() {
        return categorical ? levels.size() - 1 : 1;
    }

    /** Writes the encoded value into {@code out[at .. at + width())}. */
    public void encode(double observed, float[] out, int at) {
        if (categorical) {
            for (int j = 0; j < width(); j++) {
                out[at + j] = 0f;
            }
            int level = (int) observed;
            if (level > 0) {
                out[at + level - 1] = 1f;
            }
        } else {
            out[at] = Double.isNaN(observed) ? 0f : (float) ((transform(observed) - mean) / sd);
        }
    }

    /** Whether a stored observed value is one this encoding can hold. */
    public boolean accepts(double observed) {
        return categorical ? observed >= 0 && observed < levels.size() && observed == Math.rint(observed)
                : Double.isNaN(observed) || Double.isFinite(observed) && (!log1p || observed > -1);
    }

    /** The observed value as the data show it: the number or the level; null when missing. */
    public String display(double observed) {
        if (categorical) {
            return levels.get((int) observed);
        }
        if (Double.isNaN(observed)) {
            return null;
        }
        return observed == Math.rint(observed) && Math.abs(observed) < 1e15 ? Long.toString((long) observed)
                : Double.toString(observed);
    }

    private double transform(double value) {
        return log1p ? Math.log1p(value) : value;
    }

    /**
     * The encoding of numbers observed once per user (or item), NaN for missing.
     * @throws RecsysException when fewer than two distinct values are observed
     */
    public static FeatureEncoding numeric(String name, Side side, double[] observed) {
        double[] present = Arrays.stream(observed).filter(v -> !Double.isNaN(v)).toArray();
        boolean counts = present.length > 0 && Arrays.stream(present).allMatch(v -> v >= 0 && v == Math.rint(v));
        boolean log = counts && skewness(present) > SKEWED;
        double[] t = log ? Arrays.stream(present).map(Math::log1p).toArray() : present;
        double mean = Arrays.stream(t).average().orElse(Double.NaN);
        double variance = Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, t.length);
        if (!(variance > 0)) {
            throw new RecsysException("'" + name + "' takes " + (present.length == 0 ? "no value" : "one value only")
                    + ", so it cannot tell " + (side == Side.USER ? "users" : "items") + " apart");
        }
        return new FeatureEncoding(name, side, false, log, mean, Math.sqrt(variance), List.of());
    }

    /**
     * The encoding of labels observed once per user (or item), null for missing; {@link #levelOf} then gives each
     * label's observed value.
     * @throws RecsysException with one level only or more than {@value #MAX_LEVELS}
     */
    public static FeatureEncoding categorical(String name, Side side, String[] observed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : observed) {
            counts.merge(v == null ? MISSING : v, 1, Integer::sum);
        }
        if (counts.size() < 2 || counts.size() > MAX_LEVELS) {
            throw new RecsysException("'" + name + "' has " + counts.size() + " level" + (counts.size() == 1 ? "" : "s")
                    + (counts.size() < 2 ? ", so it cannot tell " + (side == Side.USER ? "users" : "items") + " apart"
                    : "; a categorical trait may have at most " + MAX_LEVELS + " (more behave like ids, which the"
                    + " embeddings already capture)"));
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        return new FeatureEncoding(name, side, true, false, Double.NaN, Double.NaN, levels);
    }

    /** The observed value of a label of a categorical variable; its reference level (0) when unknown. */
    public double levelOf(String label) {
        int level = levels.indexOf(label == null ? MISSING : label);
        return Math.max(0, level);
    }

    /** Sample skewness (the third standardised moment); 0 for constant values. */
    static double skewness(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double c = v - mean;
            m2 += c * c;
            m3 += c * c * c;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    }
}
