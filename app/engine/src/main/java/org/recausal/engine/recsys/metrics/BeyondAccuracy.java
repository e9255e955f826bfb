package org.recausal.engine.recsys.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What top-K lists do to the catalogue: the share of items ever recommended (coverage), the mean popularity of
 * what is recommended next to that of what users consumed (popularity bias), and the Gini coefficient of how
 * often each item is recommended (0 = every item equally often, near 1 = a few items take all).
 */
public final class BeyondAccuracy {
    private BeyondAccuracy() {
    }

    /**
     * @param lists      each user's top-K item indices
     * @param popularity each item's interaction count in the training log
     */
    public static Map<String, Double> of(int[][] lists, int[] popularity, int k) {
        int items = popularity.length;
        long[] frequency = new long[items];
        double recommendedPopularity = 0;
        long slots = 0;
        for (int[] list : lists) {
            for (int i : list) {
                frequency[i]++;
                recommendedPopularity += popularity[i];
                slots++;
            }
        }
        double consumed = 0;
        double total = 0;
        for (int p : popularity) {
            consumed += (double) p * p;
            total += p;
        }
        int covered = 0;
        for (long f : frequency) {
            covered += f > 0 ? 1 : 0;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("Coverage@" + k, covered / (double) items);
        values.put("MeanPopularity@" + k, recommendedPopularity / slots);
        // The popularity of the item behind an average interaction, for comparison.
        values.put("ConsumedPopularity", consumed / total);
        values.put("Gini@" + k, gini(frequency));
        return values;
    }

    /** Gini coefficient of non-negative counts: sum((2i - n - 1) x_(i)) / (n sum x), x sorted ascending, i from 1. */
    public static double gini(long[] counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double weighted = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
            sum += sorted[i];
        }
        return sum == 0 ? 0 : weighted / (n * sum);
    }
}
