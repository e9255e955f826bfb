package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.recausal.engine.task.CancellationToken;

/**
 * Shapley values of a cooperative game whose coalition values are expensive and best computed in batches.
 * <ul>
 * <li>Exact: every coalition is valued once (2^n values) and each player gets the weighted sum of its marginal
 * contributions, {@code phi_i = sum_S |S|! (n-|S|-1)! / n! (v(S+i) - v(S))}.</li>
 * <li>Sampled: antithetic permutation sampling (Mitchell, Cooper, Frank &amp; Holmes 2022, "Sampling permutations
 * for Shapley value estimation"): permutations are drawn in pairs, a uniform one and its reverse, and each
 * player's value is its mean marginal contribution along them. Each permutation's contributions sum to
 * {@code v(N) - v(empty)}, so efficiency holds exactly for the estimate too. The standard error of a player's
 * value is the standard deviation of its pair means over the square root of the number of pairs.</li>
 * </ul>
 */
public final class ShapleyValues {
    private ShapleyValues() {
    }

    /** The coalition values of a game. */
    @FunctionalInterface
    public interface Game {
        /** The value of each coalition (a set of player indices). */
        double[] values(List<BitSet> coalitions);
    }

    /**
     * Shapley values with their standard errors (all 0 when exact).
     * @param permutations permutations drawn (0 when exact)
     * @param evaluations  coalitions valued
     */
    public record Result(double[] values, double[] standardErrors, double full, double empty, int permutations,
            int evaluations) {
        public boolean exact() {
            return permutations == 0;
        }
    }

    /** Exact values: 2^players coalitions (players at most 24). */
    public static Result exact(int players, Game game) {
        if (players > 24) {
            throw new IllegalArgumentException("exact Shapley values for " + players + " players would value 2^" + players
                    + " coalitions");
        }
        int count = 1 << players;
        List<BitSet> coalitions = new ArrayList<>(count);
        for (int mask = 0; mask < count; mask++) {
            coalitions.add(BitSet.valueOf(new long[] {mask}));
        }
        double[] v = game.values(coalitions);
        // weight[s] = s! (n-s-1)! / n!, built by ratios to stay finite for any n here.
        double[] weight = new double[Math.max(players, 1)];
        if (players > 0) {
            weight[0] = 1.0 / players;
            for (int s = 1; s < players; s++) {
                weight[s] = weight[s - 1] * s / (players - s);
            }
        }
        double[] phi = new double[players];
        for (int mask = 0; mask < count; mask++) {
            int size = Integer.bitCount(mask);
            for (int i = 0; i < players; i++) {
                if ((mask & (1 << i)) == 0) {
                    phi[i] += weight[size] * (v[mask | (1 << i)] - v[mask]);
                }
            }
        }
        return new Result(phi, new double[players], v[count - 1], v[0], 0, count);
    }

    /**
     * Estimated values from {@code pairs} antithetic permutation pairs (at least 2, for a standard error).
     * Coalitions of each pair are valued in one batch; {@code cancel} is polled between pairs' batches.
     */
    public static Result sampled(int players, Game game, int pairs, long seed, CancellationToken cancel) {
        if (pairs < 2) {
            throw new IllegalArgumentException("the sampling estimator needs at least 2 permutation pairs");
        }
        SplittableRandom random = new SplittableRandom(seed);
        BitSet all = new BitSet();
        all.set(0, players);
        double[] ends = game.values(List.of(new BitSet(), all));
        double empty = ends[0];
        double full = ends[1];
        // Pairs are valued a batch of several at a time: big enough batches for fast kernels, polled for cancel.
        int perBatch = Math.max(1, 256 / Math.max(1, 2 * (players - 1)));
        double[][] pairMeans = new double[pairs][];
        int evaluations = 2;
        for (int from = 0; from < pairs; from += perBatch) {
            cancel.throwIfCancelled();
            int to = Math.min(pairs, from + perBatch);
            List<int[]> orders = new ArrayList<>();
            List<BitSet> prefixes = new ArrayList<>();
            for (int p = from; p < to; p++) {
                int[] order = permutation(players, random);
                int[] reverse = new int[players];
                for (int i = 0; i < players; i++) {
                    reverse[i] = order[players - 1 - i];
                }
                for (int[] o : new int[][] {order, reverse}) {
                    orders.add(o);
                    BitSet prefix = new BitSet();
                    // Prefixes of sizes 1..n-1: the empty and full coalitions are shared and valued once.
                    for (int j = 0; j < players - 1; j++) {
                        prefix.set(o[j]);
                        prefixes.add((BitSet) prefix.clone());
                    }
                }
            }
            double[] v = game.values(prefixes);
            evaluations += prefixes.size();
            for (int p = from; p < to; p++) {
                double[] mean = new double[players];
                for (int side = 0; side < 2; side++) {
                    int o = 2 * (p - from) + side;
                    int[] order = orders.get(o);
                    double previous = empty;
                    for (int j = 0; j < players; j++) {
                        double current = j == players - 1 ? full : v[o * (players - 1) + j];
                        mean[order[j]] += (current - previous) / 2;
                        previous = current;
                    }
                }
                pairMeans[p] = mean;
            }
        }
        double[] phi = new double[players];
        double[] se = new double[players];
        for (int i = 0; i < players; i++) {
            double sum = 0;
            for (double[] m : pairMeans) {
                sum += m[i];
            }
            double mean = sum / pairs;
            double squares = 0;
            for (double[] m : pairMeans) {
                squares += (m[i] - mean) * (m[i] - mean);
            }
            phi[i] = mean;
            se[i] = Math.sqrt(squares / (pairs - 1) / pairs);
        }
        return new Result(phi, se, full, empty, 2 * pairs, evaluations);
    }

    /** A uniform random permutation of 0..n-1 (Fisher-Yates). */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
