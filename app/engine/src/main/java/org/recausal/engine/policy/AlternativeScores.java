package org.recausal.engine.policy;

import java.util.HashMap;
import java.util.Map;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.Scoring;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.model.StoredModel;

/** Another trained model's score of every logged (user, item) pair, for {@link Policy.SwapModel}. */
public final class AlternativeScores {

    private AlternativeScores() {
    }

    /**
     * The model's score of each pair, as it ranks them (a rating model's predicted rating).
     *
     * @throws RecsysException naming the first user or item the model does not know
     */
    public static double[] of(StoredModel stored, String[] users, String[] items) {
        if (users == null || items == null) {
            throw new RecsysException("scoring the log with another model needs user and item ids in the log");
        }
        int dim = stored.model().dimension();
        Map<Integer, float[]> vectors = new HashMap<>();
        double[] out = new double[users.length];
        float[] score = new float[1];
        for (int i = 0; i < users.length; i++) {
            int user = stored.users().indexOf(users[i]);
            int item = stored.items().indexOf(items[i]);
            if (user < 0 || item < 0) {
                throw new RecsysException("the model knows no " + (user < 0 ? "user '" + users[i] : "item '" + items[i])
                        + "' (row " + (i + 1) + " of the log)");
            }
            if (stored.model() instanceof FactorModel factors && stored.predictsRatings()) {
                out[i] = factors.predict(user, item);
                continue;
            }
            float[] vector = vectors.computeIfAbsent(user, u -> {
                float[] v = new float[dim];
                stored.model().encode(new int[] {u}, new int[][] {stored.histories()[u]}, v);
                return v;
            });
            Scoring.candidates(stored.model().itemVectors(), dim, vector, 0, new int[] {item}, score);
            out[i] = score[0];
        }
        return out;
    }
}
