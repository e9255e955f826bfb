package org.recausal.engine.recsys.mf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Adam;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.split.Splits;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Squared-error matrix factorisation for explicit ratings, naive or debiased by inverse propensities
 * (MF-IPS of Schnabel et al. 2016): full-batch Adam on {@link RatingObjective}, and the paper's model selection,
 * which picks factors and lambda by cross-validated error on the self-selected log, weighted the same way as the
 * training loss (so an IPS model is chosen by its IPS-estimated error).
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

    /** Factors tried by {@link #select} when none is given: the paper's grid. */
    public static int[] factorGrid() {
        return new int[] {5, 10, 20, 40};
    }

    /**
     * L2 strengths tried by {@link #select} when none is given. Steps of about 1.5: on Coat the test error moves by
     * 0.03 between neighbours of a 1-3-10-30 grid, more than IPS gains over naive in places.
     */
    public static double[] lambdaGrid() {
        return new double[] {1, 2, 3, 5, 7, 10, 15, 20, 30};
    }

    public Weighting weighting() {
        return weighting;
    }

    public FactorModel fit(Interactions log, MfConfig config, CancellationToken cancel, ProgressListener progress) {
        return train(log, config, EpochValidation.NONE, null, (report, state) -> {
            if (report.epoch() % 100 == 0) {
                progress.progress(report.epoch() / (double) report.epochs(), "matrix factorisation, step " + report.epoch());
            }
        }, cancel);
    }

    /**
     * Fits, or continues a fit, handing each finished epoch to {@code listener} with a state to resume from. An epoch
     * is one full-batch Adam step; its loss is the objective (weighted squared error plus L2) where the step was taken.
     * @param resume a state a listener received from a fit with the same log and settings, or null to start afresh
     */
    public FactorModel train(Interactions log, MfConfig config, EpochValidation validation, MfState resume,
            TrainingListener<MfState> listener, CancellationToken cancel) {
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
        EpochLoop loop = new EpochLoop(model, config, resume);
        Adam adam = loop.adam();
        float[] grad = new float[p.length];
        for (int step = loop.firstEpoch(); step < config.steps(); step++) {
            cancel.throwIfCancelled();
            loop.startEpoch();
            Arrays.fill(grad, 0f);
            double loss = objective.lossAndGradient(p, grad);
            adam.nextStep();
            adam.update(p, grad, 0, p.length);
            loop.endEpoch(step, config.steps(), loss, validation, listener, cancel);
        }
        model.params();
        return model;
    }

    /**
     * The fit's rating error on held-out ratings, weighted as its training loss is: MSE and MAE for the naive
     * weighting, else their IPS (or SNIPS) estimates over the whole user x item matrix, named so
     * ({@code IPS-MSE}, {@code SNIPS-MAE}, ...).
     * @param propensities the held-out ratings' propensities (needed unless the weighting is naive)
     * @param share        the chance that a logged rating was held out here (their share of the log, for a random
     *                     split): a cell's chance to be among them is its propensity times this, which the IPS
     *                     estimate divides by
     */
    public EpochValidation validation(Interactions ratings, PropensityModel propensities, double share, int every) {
        if (weighting != Weighting.NAIVE && propensities == null) {
            throw new RecsysException(weighting + " validation needs the held-out ratings' propensities");
        }
        String prefix = weighting == Weighting.NAIVE ? "" : weighting.name() + "-";
        if (!(share > 0 && share <= 1)) {
            throw new RecsysException("the held-out share of the log must be in (0, 1], not " + share);
        }
        long cells = (long) ratings.users().size() * ratings.items().size();
        // SNIPS normalises by the weights' sum, in which the share cancels; IPS divides by it.
        double scale = weighting == Weighting.IPS ? share : 1;
        return new EpochValidation(every, (model, cancel) -> {
            RatingMetrics metrics = new RatingMetrics();
            for (int r = 0; r < ratings.size(); r++) {
                int user = ratings.user(r);
                int item = ratings.item(r);
                metrics.add(model.predict(user, item), ratings.value(r), weighting == Weighting.NAIVE ? Double.NaN
                        : propensities.propensity(user, item, ratings.value(r)));
            }
            if (metrics.count() == 0) {
                return Map.of();
            }
            Map<String, Double> all = metrics.values(cells);
            Map<String, Double> named = new LinkedHashMap<>();
            named.put(prefix + "MSE", all.get(prefix + "MSE") / scale);
            named.put(prefix + "MAE", all.get(prefix + "MAE") / scale);
            return named;
        });
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

    /** The setting with the lowest cross-validated error, and every setting's error. */
    public record Selection(MfConfig best, List<Trial> trials) {
    }

    /**
     * The best setting by {@code folds}-fold cross-validation on the log (the paper's model selection): the log's
     * ratings are dealt into folds in a seeded order, each setting is fitted on all folds but one and scored on the
     * held-out one by the weighted squared error, and the errors of all folds are pooled by weight.
     */
    public Selection select(Interactions log, MfConfig base, int[] factorGrid, double[] lambdaGrid, int folds,
            int threads, CancellationToken cancel) {
        if (folds < 2 || folds > log.size()) {
            throw new RecsysException("cross-validation needs 2 to " + log.size() + " folds, not " + folds);
        }
        int[] rows = IntStream.range(0, log.size()).toArray();
        Splits.shuffle(rows, new SplittableRandom(base.seed() ^ 0x5DEECE66DL));
        int settings = factorGrid.length * lambdaGrid.length;
        double[][] error = new double[settings][folds];
        double[][] weight = new double[settings][folds];
        Parallel.forEach(settings * folds, threads, job -> {
            int setting = job / folds;
            int fold = job % folds;
            int from = (int) ((long) rows.length * fold / folds);
            int to = (int) ((long) rows.length * (fold + 1) / folds);
            Interactions validation = log.rows(Arrays.copyOfRange(rows, from, to));
            int[] rest = new int[rows.length - (to - from)];
            System.arraycopy(rows, 0, rest, 0, from);
            System.arraycopy(rows, to, rest, from, rows.length - to);
            MfConfig config = base.withFactors(factorGrid[setting / lambdaGrid.length])
                    .withLambda(lambdaGrid[setting % lambdaGrid.length]);
            FactorModel model = fit(log.rows(rest), config, cancel, ProgressListener.NONE);
            double[] vw = weights(validation);
            for (int r = 0; r < validation.size(); r++) {
                double e = model.predict(validation.user(r), validation.item(r)) - validation.value(r);
                error[setting][fold] += vw[r] * e * e;
                weight[setting][fold] += vw[r];
            }
        });
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (int setting = 0; setting < settings; setting++) {
            Trial trial = new Trial(factorGrid[setting / lambdaGrid.length], lambdaGrid[setting % lambdaGrid.length],
                    Arrays.stream(error[setting]).sum() / Arrays.stream(weight[setting]).sum());
            trials.add(trial);
            if (best == null || trial.validationMse() < best.validationMse()) {
                best = trial;
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
