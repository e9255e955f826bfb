package org.recausal.engine.recsys.mf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Adam;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.split.Splits;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Squared-error matrix factorisation for explicit ratings, naive or debiased by inverse propensities
 * (MF-IPS of Schnabel et al. 2016): full-batch Adam on {@link RatingObjective}, and the paper's model selection,
 * which picks factors and lambda by the validation error on a held-out part of the self-selected log, weighted
 * the same way as the training loss (so an IPS model is chosen by its IPS-estimated error).
 */
public final class RatingMf {
    private final Weighting weighting;
    private final PropensityModel propensities;

    /** @param propensities needed unless the weighting is naive */
    public RatingMf(Weighting weighting, PropensityModel propensities) {
        if (weighting != Weighting.NAIVE && propensities == null) {
            throw new RecsysException(weighting + " weighting needs propensities");
        }
        this.weighting = weighting;
        this.propensities = propensities;
    }

    public Weighting weighting() {
        return weighting;
    }

    public FactorModel fit(Interactions log, MfConfig config, CancellationToken cancel, ProgressListener progress) {
        int users = log.users().size();
        int items = log.items().size();
        FactorModel model = new FactorModel(users, items, config.factors());
        float[] p = model.params();
        double[] w = weights(log);
        SplittableRandom random = new SplittableRandom(config.seed());
        double mean = 0;
        for (int r = 0; r < log.size(); r++) {
            mean += w[r] * log.value(r);
        }
        double total = Arrays.stream(w).sum();
        p[0] = (float) (mean / total);
        for (int j = 1 + users + items; j < p.length; j++) {
            p[j] = (float) (0.1 * gaussian(random));
        }
        int[] u = new int[log.size()];
        int[] i = new int[log.size()];
        float[] y = new float[log.size()];
        for (int r = 0; r < log.size(); r++) {
            u[r] = log.user(r);
            i[r] = log.item(r);
            y[r] = log.value(r);
        }
        Objective objective = new RatingObjective(model, u, i, y, w, config.lambda());
        Adam adam = new Adam(p.length, config.learningRate(), 0.9f, 0.999f, 1e-8f);
        float[] grad = new float[p.length];
        for (int step = 0; step < config.steps(); step++) {
            cancel.throwIfCancelled();
            Arrays.fill(grad, 0f);
            objective.lossAndGradient(p, grad);
            adam.nextStep();
            adam.update(p, grad, 0, p.length);
            if (step % 100 == 0) {
                progress.progress(step / (double) config.steps(), "matrix factorisation, step " + step);
            }
        }
        model.params();
        return model;
    }

    /**
     * Weights of the log's ratings for the loss: 1/n (naive), 1/(p U I) (IPS), or (1/p) / sum(1/p) (SNIPS).
     */
    public double[] weights(Interactions log) {
        double[] w = new double[log.size()];
        long cells = (long) log.users().size() * log.items().size();
        double inverseSum = 0;
        for (int r = 0; r < log.size(); r++) {
            if (weighting == Weighting.NAIVE) {
                w[r] = 1.0 / log.size();
                continue;
            }
            double propensity = propensities.propensity(log.user(r), log.item(r), log.value(r));
            w[r] = 1 / propensity;
            inverseSum += w[r];
        }
        if (weighting != Weighting.NAIVE) {
            double scale = weighting == Weighting.IPS ? cells : inverseSum;
            for (int r = 0; r < w.length; r++) {
                w[r] /= scale;
            }
        }
        return w;
    }

    /** One candidate setting and its weighted validation error. */
    public record Trial(int factors, double lambda, double validationMse) {
    }

    /** The best setting by weighted validation MSE on a seeded {@code holdout} share of the log, and all trials. */
    public record Selection(MfConfig best, List<Trial> trials) {
    }

    public Selection select(Interactions log, MfConfig base, int[] factorGrid, double[] lambdaGrid, double holdout,
            CancellationToken cancel) {
        int[] rows = IntStream.range(0, log.size()).toArray();
        Splits.shuffle(rows, new SplittableRandom(base.seed() ^ 0x5DEECE66DL));
        int cut = (int) Math.round(holdout * rows.length);
        Interactions validation = log.rows(Arrays.copyOfRange(rows, 0, cut));
        Interactions train = log.rows(Arrays.copyOfRange(rows, cut, rows.length));
        double[] vw = weights(validation);
        double vTotal = Arrays.stream(vw).sum();
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (int f : factorGrid) {
            for (double lambda : lambdaGrid) {
                FactorModel model = fit(train, base.withFactors(f).withLambda(lambda), cancel, ProgressListener.NONE);
                double error = 0;
                for (int r = 0; r < validation.size(); r++) {
                    double e = model.predict(validation.user(r), validation.item(r)) - validation.value(r);
                    error += vw[r] * e * e;
                }
                Trial trial = new Trial(f, lambda, error / vTotal);
                trials.add(trial);
                if (best == null || trial.validationMse() < best.validationMse()) {
                    best = trial;
                }
            }
        }
        return new Selection(base.withFactors(best.factors()).withLambda(best.lambda()), trials);
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller from the seeded generator, so factors are the same on every machine.
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
