package org.recausal.engine.recsys.mf;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Adam;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.split.Splits;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * BPR matrix factorisation for implicit feedback: each epoch visits every logged (user, item) pair in a seeded
 * random order, pairs it with an item the user never consumed, and takes Adam steps on mini-batches of
 * {@link BprObjective}. With propensities, each pair's loss is weighted by its inverse propensity (normalised
 * to mean 1), the IPS-debiased BPR. Each epoch is reported with its mean loss per pair (the loss of each mini-batch
 * as it was taken, before its step).
 */
public final class Bpr {
    static final int BATCH = 1024;

    private Bpr() {
    }

    public static FactorModel fit(Interactions log, MfConfig config, PropensityModel propensities, CancellationToken cancel,
            ProgressListener progress) {
        return train(log, config, propensities, EpochValidation.NONE, null, (report, state) -> progress.progress(
                report.epoch() / (double) report.epochs(), "BPR epoch " + report.epoch()), cancel);
    }

    /**
     * Fits, or continues a fit, handing each finished epoch (its mean loss per pair and any validation metrics) to
     * {@code listener} with a state to resume from; cancelling stops between mini-batches.
     * @param resume a state a listener received from a fit with the same log and settings, or null to start afresh
     */
    public static FactorModel train(Interactions log, MfConfig config, PropensityModel propensities,
            EpochValidation validation, MfState resume, TrainingListener<MfState> listener, CancellationToken cancel) {
        int users = log.users().size();
        int items = log.items().size();
        if (log.size() == 0) {
            throw new RecsysException("BPR needs at least one interaction");
        }
        FactorModel model = new FactorModel(users, items, config.factors());
        float[] p = model.params();
        SplittableRandom initial = new SplittableRandom(config.seed());
        for (int j = 1 + users + items; j < p.length; j++) {
            p[j] = (float) (0.1 * RatingMf.gaussian(initial));
        }
        int[][] consumed = new int[users][];
        int[] counts = log.userCounts();
        for (int u = 0; u < users; u++) {
            consumed[u] = new int[counts[u]];
        }
        int[] fill = new int[users];
        for (int r = 0; r < log.size(); r++) {
            consumed[log.user(r)][fill[log.user(r)]++] = log.item(r);
        }
        for (int[] c : consumed) {
            Arrays.sort(c);
        }
        float[] weights = propensities == null ? null : normalisedInverse(log, propensities);
        EpochLoop loop = new EpochLoop(model, config, resume);
        Adam adam = loop.adam();
        float[] grad = new float[p.length];
        int[] u = new int[BATCH];
        int[] i = new int[BATCH];
        int[] j = new int[BATCH];
        float[] w = weights == null ? null : new float[BATCH];
        for (int epoch = loop.firstEpoch(); epoch < config.steps(); epoch++) {
            loop.startEpoch();
            // Each epoch draws from its own generator, so a fit resumed at this epoch draws the same order and negatives.
            SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + epoch + 1);
            int[] order = IntStream.range(0, log.size()).toArray();
            Splits.shuffle(order, random);
            double lossSum = 0;
            for (int from = 0; from < order.length; from += BATCH) {
                cancel.throwIfCancelled();
                int n = Math.min(BATCH, order.length - from);
                for (int t = 0; t < n; t++) {
                    int r = order[from + t];
                    u[t] = log.user(r);
                    i[t] = log.item(r);
                    if (consumed[u[t]].length >= items) {
                        throw new RecsysException("user " + log.users().id(u[t]) + " consumed every item; BPR has no negative to draw");
                    }
                    int negative;
                    do {
                        negative = random.nextInt(items);
                    } while (Arrays.binarySearch(consumed[u[t]], negative) >= 0);
                    j[t] = negative;
                    if (w != null) {
                        w[t] = weights[r];
                    }
                }
                Arrays.fill(grad, 0f);
                lossSum += n * new BprObjective(model, u, i, j, w, n, config.lambda()).lossAndGradient(p, grad);
                adam.nextStep();
                adam.update(p, grad, 0, p.length);
            }
            loop.endEpoch(epoch, config.steps(), lossSum / order.length, validation, listener, cancel);
        }
        model.params();
        return model;
    }

    private static float[] normalisedInverse(Interactions log, PropensityModel propensities) {
        float[] w = new float[log.size()];
        double sum = 0;
        for (int r = 0; r < w.length; r++) {
            w[r] = (float) (1 / propensities.propensity(log.user(r), log.item(r), log.value(r)));
            sum += w[r];
        }
        float scale = (float) (w.length / sum);
        for (int r = 0; r < w.length; r++) {
            w[r] *= scale;
        }
        return w;
    }
}
