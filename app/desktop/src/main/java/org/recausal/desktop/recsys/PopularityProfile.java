package org.recausal.desktop.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How recommendations and consumption spread over the catalogue's popularity: items ranked by their training
 * popularity are cut into five groups of equal item count (the most popular fifth first), and each group gets its
 * share of the top-K recommendation slots and its share of the held-out items users actually consumed. A model
 * with popularity bias puts more of its slots into the first groups than users' consumption does.
 *
 * @param groups      the groups' labels (1st, 2nd, ...), most popular first
 * @param recommended each group's share of the top-K slots (sums to 1)
 * @param consumed    each group's share of the held-out interactions (sums to 1)
 */
public record PopularityProfile(int k, List<String> groups, double[] recommended, double[] consumed) {

    /** Fifths: few enough for their labels to sit side by side under a panel-sized chart. */
    static final int GROUPS = 5;

    /**
     * @param lists      each evaluated user's top-K items
     * @param heldOut    each user's held-out items
     * @param popularity each item's training count
     */
    static PopularityProfile of(int k, int[][] lists, int[][] heldOut, int[] popularity) {
        int items = popularity.length;
        int groups = Math.min(GROUPS, Math.max(1, items));
        // Rank by popularity, most popular first; ties by index so the grouping is the same on every machine.
        Integer[] byPopularity = IntStream.range(0, items).boxed().toArray(Integer[]::new);
        Arrays.sort(byPopularity, Comparator.<Integer>comparingInt(i -> -popularity[i]).thenComparingInt(i -> i));
        int[] groupOf = new int[items];
        for (int rank = 0; rank < items; rank++) {
            groupOf[byPopularity[rank]] = (int) ((long) rank * groups / items);
        }
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            labels.add(ordinal(g + 1));
        }
        return new PopularityProfile(k, labels, shares(lists, groupOf, groups), shares(heldOut, groupOf, groups));
    }

    /** Short labels (1st, 2nd, ...) fit side by side under a panel-sized chart. */
    private static String ordinal(int n) {
        return n + switch (n % 10 == 1 && n != 11 ? 1 : n % 10 == 2 && n != 12 ? 2 : n % 10 == 3 && n != 13 ? 3 : 0) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static double[] shares(int[][] lists, int[] groupOf, int groups) {
        double[] share = new double[groups];
        long total = 0;
        for (int[] list : lists) {
            for (int item : list) {
                share[groupOf[item]]++;
                total++;
            }
        }
        for (int g = 0; g < groups; g++) {
            share[g] = total == 0 ? 0 : share[g] / total;
        }
        return share;
    }
}
