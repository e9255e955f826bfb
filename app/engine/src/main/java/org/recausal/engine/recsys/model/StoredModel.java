package org.recausal.engine.recsys.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.Scoring;
import org.recausal.engine.recsys.TrainingState;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfState;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecState;

import tools.jackson.databind.node.ObjectNode;

/**
 * A trained recommender as saved in a model file: the model, the user and item ids, each user's known items
 * (oldest first: SASRec's input, and what recommendations leave out), and a JSON account of how it was trained.
 * @param kind       {@code sasrec}, {@code mf} (squared error on ratings, naive or IPS) or {@code bpr}
 * @param details    settings, data, split and training figures, for reports
 * @param checkpoint the training state to resume from ({@link SasRecState} for SASRec, {@link MfState} for the
 *                   others), or null; its weights are the model's (a model file keeps them once)
 */
public record StoredModel(String kind, Recommender model, IdIndex users, IdIndex items, int[][] histories,
        ObjectNode details, TrainingState checkpoint) {

    public static final String SASREC = "sasrec";
    public static final String MF = "mf";
    public static final String BPR = "bpr";

    public StoredModel {
        if (checkpoint != null && !(kind.equals(SASREC) ? checkpoint instanceof SasRecState : checkpoint instanceof MfState)) {
            throw new IllegalArgumentException("a " + kind + " model cannot hold a " + checkpoint.getClass().getSimpleName());
        }
    }

    /** One recommended item and its score. */
    public record Recommendation(String item, double score) {
    }

    /** Whether the model predicts ratings (MSE/MAE) rather than only ranking items. */
    public boolean predictsRatings() {
        return kind.equals(MF);
    }

    /** The {@code k} best items for a user, leaving out the items the user already has. */
    public List<Recommendation> recommend(String userId, int k) {
        int user = users.indexOf(userId);
        if (user < 0) {
            throw new RecsysException("the model knows no user '" + userId + "'");
        }
        if (k < 1) {
            throw new RecsysException("k must be at least 1");
        }
        int dim = model.dimension();
        float[] vector = new float[dim];
        model.encode(new int[] {user}, new int[][] {histories[user]}, vector);
        float[] scores = new float[model.itemCount()];
        int[] all = IntStream.range(0, model.itemCount()).toArray();
        Scoring.candidates(model.itemVectors(), dim, vector, 0, all, scores);
        float[] best = new float[k];
        int[] top = Scoring.topK(scores, 0, scores.length, k, histories[user], best);
        List<Recommendation> list = new ArrayList<>();
        for (int r = 0; r < top.length; r++) {
            double score = model instanceof FactorModel f && predictsRatings() ? f.predict(user, top[r]) : best[r];
            list.add(new Recommendation(items.id(top[r]), score));
        }
        return list;
    }

    /** The SASRec model, for attention maps; fails for other kinds. */
    public SasRecModel sasrec() {
        if (model instanceof SasRecModel s) {
            return s;
        }
        throw new RecsysException("a " + kind + " model has no attention weights (only SASRec has)");
    }
}
