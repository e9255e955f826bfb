package org.recausal.engine.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.recausal.engine.model.Features;
import org.recausal.engine.model.LinearRegression;
import org.recausal.engine.model.LogisticRegression;
import org.recausal.engine.model.Scale;
import org.recausal.engine.model.TrainingSet;
import org.recausal.engine.scm.Expression;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Estimates the average effect of a treatment on an outcome by adjusting for a valid adjustment set: outcome
 * regression, inverse propensity weighting or AIPW, with a bootstrap percentile interval (every model refitted in
 * every replicate, replicates in parallel from their own seeds).
 *
 * <p>A binary treatment gives E[Y | do(T=1)] - E[Y | do(T=0)], or, given a policy (the probability of treatment
 * as an {@link Expression} of adjustment variables, e.g. a ranking rule that shows fewer popular items), the
 * policy's value against the world as it is, E[Y | do(T ~ policy)] - E[Y]: off-policy evaluation. A numeric
 * treatment gives, by regression only, the average effect of raising it by one unit, E[Y | do(T := T+1)] - E[Y].
 * The outcome is numeric or binary (then effects are on the probability of its second level). Outcome models are linear for a numeric outcome and logistic for a
 * binary one, fitted separately for treated and untreated rows, so effects may differ between subgroups; the
 * propensity model is logistic.
 */
public final class AdjustmentEstimator {

    /** Estimation settings: bootstrap replicates, interval level, propensity clipping bound, seed. */
    public record Settings(EstimationMethod method, int bootstrap, double level, double trim, long seed) {
        public Settings {
            if (bootstrap < 20) {
                throw new IllegalArgumentException("a bootstrap interval needs at least 20 replicates, not "
                        + bootstrap);
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("the interval level must lie between 0 and 1, not " + level);
            }
            if (!(trim >= 0 && trim < 0.5)) {
                throw new IllegalArgumentException("the propensity bound must lie in [0, 0.5), not " + trim);
            }
        }

        /** 200 replicates, 95% interval, propensities clipped to [0.01, 0.99], seed 1. */
        public static Settings of(EstimationMethod method) {
            return new Settings(method, 200, 0.95, 0.01, 1);
        }

        public Settings withBootstrap(int replicates) {
            return new Settings(method, replicates, level, trim, seed);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(method, bootstrap, level, trim, newSeed);
        }

        public Settings withTrim(double newTrim) {
            return new Settings(method, bootstrap, level, newTrim, seed);
        }
    }

    private static final double EXTREME = 0.05;

    private final Observations data;
    private final String treatment;
    private final String outcome;
    private final List<String> adjustment;
    private final Settings settings;
    private final boolean binaryTreatment;
    private final boolean binaryOutcome;
    private final Expression policy;

    /** @throws ScmException when the treatment or outcome has a scale the method cannot handle */
    public AdjustmentEstimator(Observations data, String treatment, String outcome, List<String> adjustment,
            Settings settings) {
        this(data, treatment, outcome, adjustment, settings, null);
    }

    /**
     * @param policy the probability of treatment under the policy to evaluate, reading only adjustment variables;
     *               null to estimate the average treatment effect
     * @throws ScmException when the treatment or outcome has a scale the method cannot handle, or the policy reads
     *                      variables outside the adjustment set or draws random numbers
     */
    public AdjustmentEstimator(Observations data, String treatment, String outcome, List<String> adjustment,
            Settings settings, Expression policy) {
        this.data = data;
        this.policy = policy;
        this.treatment = treatment;
        this.outcome = outcome;
        this.adjustment = List.copyOf(adjustment);
        this.settings = settings;
        Scale t = require(treatment).scale(treatment);
        Scale y = require(outcome).scale(outcome);
        adjustment.forEach(this::require);
        if (t.kind() == Scale.Kind.CATEGORICAL) {
            throw new ScmException("the treatment " + treatment + " has " + t.levelCount() + " levels " + t.levels()
                    + "; estimate the effect of a binary or numeric treatment");
        }
        if (y.kind() == Scale.Kind.CATEGORICAL) {
            throw new ScmException("the outcome " + outcome + " has " + y.levelCount() + " levels " + y.levels()
                    + "; estimate effects on a numeric or binary outcome");
        }
        binaryTreatment = t.kind() == Scale.Kind.BINARY;
        binaryOutcome = y.kind() == Scale.Kind.BINARY;
        if (!binaryTreatment && settings.method() != EstimationMethod.REGRESSION) {
            throw new ScmException(settings.method().id() + " needs a binary treatment, but " + treatment
                    + " is numeric; use the regression method");
        }
        if (policy != null) {
            if (!binaryTreatment) {
                throw new ScmException("a policy gives the probability of a binary treatment, but " + treatment
                        + " is numeric");
            }
            List<String> outside = policy.variables().stream().filter(v -> !adjustment.contains(v)).toList();
            if (!outside.isEmpty()) {
                throw new ScmException("the policy reads " + String.join(", ", outside) + ", which "
                        + (outside.size() == 1 ? "is" : "are") + " not in the adjustment set " + adjustment);
            }
            if (policy.isRandom()) {
                throw new ScmException("the policy " + policy + " must give the probability of treatment, not draw"
                        + " random numbers");
            }
        }
        if (binaryTreatment) {
            int treated = 0;
            for (double v : data.column(treatment)) {
                treated += (int) v;
            }
            if (treated == 0 || treated == data.rows()) {
                throw new ScmException("every row has " + treatment + " = " + t.levels().get(treated == 0 ? 0 : 1)
                        + ", so the data say nothing about the other treatment");
            }
        }
    }

    private Observations require(String name) {
        if (!data.has(name)) {
            throw new ScmException("the data have no variable '" + name + "'");
        }
        return data;
    }

    public Settings settings() {
        return settings;
    }

    /** What is estimated, e.g. {@code E[Y | do(T=1)] - E[Y | do(T=0)]}. */
    public String definition() {
        Scale t = data.scale(treatment);
        String of = binaryOutcome ? "P(" + outcome + "=" + data.scale(outcome).levels().get(1) : "E[" + outcome;
        String close = binaryOutcome ? ")" : "]";
        if (policy != null) {
            return of + " | do(" + treatment + " ~ bernoulli(" + policy + "))" + close + " - " + of + close;
        }
        if (binaryTreatment) {
            return of + " | do(" + treatment + "=" + t.levels().get(1) + ")" + close + " - " + of + " | do("
                    + treatment + "=" + t.levels().get(0) + ")" + close;
        }
        return of + " | do(" + treatment + " := " + treatment + " + 1)" + close + " - " + of + close;
    }

    /** The estimate with its bootstrap interval. */
    public EffectEstimate estimate(ProgressListener progress, CancellationToken cancel) {
        Point point = point(null, true);
        double[] replicates = new double[settings.bootstrap()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, replicates.length).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            replicates[r] = point(Bootstrap.weights(data.rows(), settings.seed(), r), false).estimate();
            progress.progress((double) done.incrementAndGet() / replicates.length,
                    "Bootstrap replicate " + done.get() + " of " + replicates.length);
        });
        cancel.throwIfCancelled();
        return new EffectEstimate(treatment, outcome, settings.method(), definition(), point.estimate(),
                Bootstrap.percentile(replicates, settings.level()), Bootstrap.standardError(replicates),
                replicates.length, adjustment, data.rows(), point.overlap(), point.warnings());
    }

    /** The estimate alone, without an interval (for refutation checks that re-estimate many times). */
    public double pointEstimate() {
        return point(null, false).estimate();
    }

    private record Point(double estimate, EffectEstimate.Overlap overlap, List<String> warnings) {
    }

    /** One estimate on rows weighted by {@code weights} (null: each row once). */
    private Point point(double[] weights, boolean diagnose) {
        double[] t = data.column(treatment);
        double[] y = data.column(outcome);
        double[][] z = adjustment.stream().map(data::column).toArray(double[][]::new);
        Features features = Features.of(adjustment, adjustment.stream().map(data::scale).toList());
        int n = data.rows();
        if (!binaryTreatment) {
            return new Point(shiftEffect(features, z, t, y, weights), null, List.of());
        }
        double[] mu1 = null;
        double[] mu0 = null;
        if (settings.method() != EstimationMethod.IPW) {
            mu1 = outcomeModel(features, z, y, armWeights(t, weights, 1));
            mu0 = outcomeModel(features, z, y, armWeights(t, weights, 0));
        }
        double[] e = null;
        EffectEstimate.Overlap overlap = null;
        List<String> warnings = List.of();
        if (settings.method() != EstimationMethod.REGRESSION) {
            e = new double[n];
            LogisticRegression.fit(new TrainingSet(features, z, t, weights)).probabilityAll(z, 0, n, e);
            if (diagnose) {
                overlap = overlap(e, t);
                warnings = overlapWarnings(overlap);
            }
            double lo = settings.trim();
            for (int i = 0; i < n; i++) {
                e[i] = Math.min(Math.max(e[i], lo), 1 - lo);
            }
        }
        double estimate;
        if (policy == null) {
            estimate = value(constant(n, 1), t, y, e, mu1, mu0, weights) - value(constant(n, 0), t, y, e, mu1, mu0,
                    weights);
        } else {
            estimate = value(policyProbabilities(z), t, y, e, mu1, mu0, weights) - mean(y, weights);
        }
        return new Point(estimate, overlap, warnings);
    }

    /**
     * The mean outcome if each row were treated with probability {@code pi}: by the outcome models (regression),
     * by normalised inverse propensity weights (IPW) or both (AIPW).
     */
    private double value(double[] pi, double[] t, double[] y, double[] e, double[] mu1, double[] mu0,
            double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < t.length; i++) {
            double w = weights == null ? 1 : weights[i];
            switch (settings.method()) {
                case REGRESSION -> {
                    sum += w * (pi[i] * mu1[i] + (1 - pi[i]) * mu0[i]);
                    total += w;
                }
                case IPW -> {
                    double ratio = t[i] == 1 ? pi[i] / e[i] : (1 - pi[i]) / (1 - e[i]);
                    sum += w * ratio * y[i];
                    total += w * ratio;
                }
                case AIPW -> {
                    double ratio = t[i] == 1 ? pi[i] / e[i] : (1 - pi[i]) / (1 - e[i]);
                    double predicted = pi[i] * mu1[i] + (1 - pi[i]) * mu0[i];
                    sum += w * (predicted + ratio * (y[i] - (t[i] == 1 ? mu1[i] : mu0[i])));
                    total += w;
                }
            }
        }
        return sum / total;
    }

    private static double[] constant(int n, double value) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static double mean(double[] y, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            sum += w * y[i];
            total += w;
        }
        return sum / total;
    }

    /** The policy's probability of treatment for every row. */
    private double[] policyProbabilities(double[][] z) {
        Expression.Compiled rule = policy.compile(adjustment, data::scale);
        double[] pi = new double[data.rows()];
        java.util.SplittableRandom neverDrawn = new java.util.SplittableRandom(0);
        for (int i = 0; i < pi.length; i++) {
            pi[i] = rule.evaluate(z, i, neverDrawn);
            if (!(pi[i] >= 0 && pi[i] <= 1)) {
                throw new ScmException("the policy " + policy + " gives " + pi[i] + " for row " + (i + 1)
                        + ", not a probability between 0 and 1");
            }
        }
        return pi;
    }

    private static double[] armWeights(double[] t, double[] weights, int arm) {
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = t[i] == arm ? (weights == null ? 1 : weights[i]) : 0;
        }
        return w;
    }

    /** Predicted outcome for every row from a model fitted to the weighted rows. */
    private double[] outcomeModel(Features features, double[][] z, double[] y, double[] weights) {
        TrainingSet set = new TrainingSet(features, z, y, weights);
        double[] predicted = new double[y.length];
        if (binaryOutcome) {
            LogisticRegression.fit(set).probabilityAll(z, 0, y.length, predicted);
        } else {
            LinearRegression.fit(set).predictAll(z, 0, y.length, predicted);
        }
        return predicted;
    }

    private double shiftEffect(Features features, double[][] z, double[] t, double[] y, double[] weights) {
        Features withTreatment = features.with(treatment, Scale.numeric());
        double[][] inputs = new double[z.length + 1][];
        System.arraycopy(z, 0, inputs, 0, z.length);
        inputs[z.length] = t;
        TrainingSet set = new TrainingSet(withTreatment, inputs, y, weights);
        int n = y.length;
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) {
            shifted[i] = t[i] + 1;
        }
        double[][] shiftedInputs = inputs.clone();
        shiftedInputs[z.length] = shifted;
        double[] before = new double[n];
        double[] after = new double[n];
        if (binaryOutcome) {
            LogisticRegression model = LogisticRegression.fit(set);
            model.probabilityAll(inputs, 0, n, before);
            model.probabilityAll(shiftedInputs, 0, n, after);
        } else {
            LinearRegression model = LinearRegression.fit(set);
            model.predictAll(inputs, 0, n, before);
            model.predictAll(shiftedInputs, 0, n, after);
        }
        double sum = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            sum += w * (after[i] - before[i]);
            total += w;
        }
        return sum / total;
    }

    private EffectEstimate.Overlap overlap(double[] e, double[] t) {
        double min = 1;
        double max = 0;
        int extreme = 0;
        int clipped = 0;
        double[] sum = new double[2];
        double[] squares = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < e.length; i++) {
            min = Math.min(min, e[i]);
            max = Math.max(max, e[i]);
            extreme += e[i] < EXTREME || e[i] > 1 - EXTREME ? 1 : 0;
            clipped += e[i] < settings.trim() || e[i] > 1 - settings.trim() ? 1 : 0;
            int arm = (int) t[i];
            double p = Math.min(Math.max(e[i], settings.trim()), 1 - settings.trim());
            double weight = arm == 1 ? 1 / p : 1 / (1 - p);
            sum[arm] += weight;
            squares[arm] += weight * weight;
            count[arm]++;
        }
        return new EffectEstimate.Overlap(min, max, (double) extreme / e.length, clipped,
                sum[1] * sum[1] / squares[1], sum[0] * sum[0] / squares[0], count[1], count[0]);
    }

    private List<String> overlapWarnings(EffectEstimate.Overlap overlap) {
        List<String> warnings = new ArrayList<>();
        if (overlap.shareExtreme() > 0.05) {
            warnings.add(String.format(java.util.Locale.ROOT, "poor overlap: %.1f%% of rows have a propensity below"
                    + " %.2f or above %.2f, so a few rows carry large weights and the estimate is unstable;"
                    + " consider a population where both treatments are common", 100 * overlap.shareExtreme(),
                    EXTREME, 1 - EXTREME));
        }
        if (overlap.effectiveTreated() < 0.1 * overlap.treated()
                || overlap.effectiveControl() < 0.1 * overlap.control()) {
            warnings.add(String.format(java.util.Locale.ROOT, "the weights leave an effective sample of only %.0f"
                    + " treated and %.0f untreated rows (of %d and %d)", overlap.effectiveTreated(),
                    overlap.effectiveControl(), overlap.treated(), overlap.control()));
        }
        if (overlap.clipped() > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "%d propensities were clipped to [%.2f, %.2f]",
                    overlap.clipped(), settings.trim(), 1 - settings.trim()));
        }
        return warnings;
    }
}
