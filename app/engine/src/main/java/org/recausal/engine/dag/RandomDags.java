package org.recausal.engine.dag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random DAGs for tests, benchmarks and stress tests of the canvas. Variables are called
 * {@code X1..Xn} in insertion order; the causal order is a random permutation of them, so insertion
 * order says nothing about which variable causes which. The same arguments always give the same graph.
 */
public final class RandomDags {
    private RandomDags() {
    }

    /** A DAG of {@code variables} variables and exactly {@code edges} edges, drawn uniformly. */
    public static Dag generate(int variables, int edges, long seed) {
        if (variables < 0) {
            throw new IllegalArgumentException("number of variables must not be negative, got " + variables);
        }
        long possible = (long) variables * (variables - 1) / 2;
        if (edges < 0 || edges > possible) {
            throw new IllegalArgumentException("a DAG of " + variables + " variables has between 0 and "
                    + possible + " edges, asked for " + edges);
        }
        Random random = new Random(seed);
        Dag dag = new Dag();
        for (int i = 1; i <= variables; i++) {
            dag.addVariable(Variable.of("X" + i));
        }
        int[] causalOrder = shuffledIndices(variables, random);
        for (long pair : drawPairs(variables, edges, possible, random)) {
            int early = (int) (pair / variables);
            int late = (int) (pair % variables);
            dag.addEdge("X" + (causalOrder[early] + 1), "X" + (causalOrder[late] + 1));
        }
        return dag;
    }

    /** {@code count} distinct pairs {@code i < j}, each encoded as {@code i * n + j}, in drawing order. */
    private static List<Long> drawPairs(int n, int count, long possible, Random random) {
        List<Long> pairs = new ArrayList<>(count);
        if (2L * count <= possible) {
            // Sparse: rejection sampling needs at most two draws per pair on average.
            Set<Long> seen = new HashSet<>();
            while (pairs.size() < count) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a != b) {
                    long pair = (long) Math.min(a, b) * n + Math.max(a, b);
                    if (seen.add(pair)) {
                        pairs.add(pair);
                    }
                }
            }
            return pairs;
        }
        // Dense: a partial Fisher-Yates shuffle of all pairs.
        List<Long> all = new ArrayList<>((int) possible);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                all.add((long) i * n + j);
            }
        }
        for (int k = 0; k < count; k++) {
            int pick = k + random.nextInt(all.size() - k);
            Long chosen = all.get(pick);
            all.set(pick, all.get(k));
            all.set(k, chosen);
            pairs.add(chosen);
        }
        return pairs;
    }

    private static int[] shuffledIndices(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
