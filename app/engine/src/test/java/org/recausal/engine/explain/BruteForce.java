package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recausal.engine.recsys.sasrec.SasRecModel;

/** The smallest counterfactual removal set by trying every subset, each history encoded and ranked alone. */
record BruteForce(int size) {
    static BruteForce smallest(KeyItemWorld world, int u, int target, int k, int maxRemovals) {
        int[] h = world.histories[u];
        int n = h.length;
        for (int size = 1; size <= Math.min(maxRemovals, n - 1); size++) {
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                List<Integer> kept = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    if ((mask & (1 << p)) == 0) {
                        kept.add(h[p]);
                    }
                }
                if (rank(world, u, kept.stream().mapToInt(Integer::intValue).toArray(), target) > k) {
                    return new BruteForce(size);
                }
            }
        }
        return new BruteForce(0);
    }

    /** 1 + the items the user does not have that score above the target (ties: lower index first). */
    static int rank(KeyItemWorld world, int u, int[] history, int target) {
        SasRecModel model = (SasRecModel) world.stored.model();
        int d = model.dimension();
        float[] vector = new float[d];
        model.encode(new int[] {u}, new int[][] {history}, vector);
        float[] scores = new float[model.itemCount()];
        for (int i = 0; i < scores.length; i++) {
            float s = 0f;
            for (int j = 0; j < d; j++) {
                s += vector[j] * model.itemVectors()[i * d + j];
            }
            scores[i] = s;
        }
        int[] owned = world.histories[u];
        int rank = 1;
        for (int i = 0; i < scores.length; i++) {
            final int item = i;
            boolean has = Arrays.stream(owned).anyMatch(x -> x == item);
            if (i != target && !has && (scores[i] > scores[target] || scores[i] == scores[target] && i < target)) {
                rank++;
            }
        }
        return rank;
    }
}
