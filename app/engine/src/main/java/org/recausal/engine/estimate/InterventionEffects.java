package org.recausal.engine.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Expression;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Runs a {@link Scenario} through a fitted structural causal model: samples the world under its interventions
 * and under its baseline from the same seed (common random numbers, so the difference is not drowned in sampling
 * noise), and for intervals refits every mechanism to bootstrap replicates of the data and samples again.
 */
public final class InterventionEffects {

    private static final int HISTOGRAM_BINS = 30;

    private InterventionEffects() {
    }

    /**
     * @param data       the rows the model was fitted to (bootstrap replicates resample them)
     * @param replicates bootstrap replicates, 0 for point values only
     * @throws ScmException when the model cannot answer the question without bias, or the scenario does not fit it
     */
    public static ScenarioResult run(FittedScm fitted, Observations data, Scenario scenario, int replicates,
            double level, ProgressListener progress, CancellationToken cancel) {
        StructuralCausalModel model = fitted.model();
        for (String outcome : scenario.outcomes()) {
            model.node(outcome);
        }
        List<String> targets = scenario.targets();
        model.unanswerable(targets, scenario.outcomes(), true).ifPresent(reason -> {
            throw new ScmException("cannot simulate " + describe(scenario) + ": " + reason
                    + ". Estimate the effect by adjustment instead, if the graph identifies it.");
        });
        Expression subgroup = scenario.subgroup() == null ? null : Expression.parse(scenario.subgroup());
        if (subgroup != null) {
            Set<String> affected = model.descendantsOf(targets);
            List<String> moving = subgroup.variables().stream().filter(affected::contains).toList();
            if (!moving.isEmpty()) {
                throw new ScmException("the subgroup " + scenario.subgroup() + " reads " + String.join(", ", moving)
                        + ", which the interventions change; define subgroups by variables they do not affect");
            }
        }
        progress.progress(0, "Simulating " + scenario.samples() + " samples");
        Worlds point = worlds(model, scenario, scenario.seed(), cancel);
        double[][] pointValues = quantities(model, scenario, point, subgroup);
        double[][][] boot = new double[replicates][][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, replicates).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            long seed = Seeds.derive(scenario.seed(), r, 17);
            StructuralCausalModel refitted = ScmFitter.refit(fitted, data,
                    Bootstrap.weights(data.rows(), seed, 0), seed);
            boot[r] = quantities(refitted, scenario, worlds(refitted, scenario, Seeds.derive(seed, 1), cancel),
                    subgroup);
            progress.progress((double) done.incrementAndGet() / replicates,
                    "Bootstrap replicate " + done.get() + " of " + replicates);
        });
        cancel.throwIfCancelled();
        List<ScenarioResult.QuantityEffect> effects = new ArrayList<>();
        int q = 0;
        for (String outcome : scenario.outcomes()) {
            for (String quantity : quantityNames(outcome, model.scale(outcome))) {
                effects.add(effect(outcome, quantity, pointValues, boot, q++, level));
            }
        }
        List<ScenarioResult.OutcomeDistribution> distributions = scenario.outcomes().stream()
                .map(o -> distribution(o, model.scale(o), point)).toList();
        double share = subgroup == null ? 1
                : (double) count(mask(model, subgroup, point.baseline())) / scenario.samples();
        return new ScenarioResult(scenario.name(), effects, distributions, scenario.samples(), share, replicates);
    }

    private static String describe(Scenario scenario) {
        return String.join(", ", scenario.interventions().stream().map(i -> "do(" + i.text() + ")").toList())
                + " on " + String.join(", ", scenario.outcomes());
    }

    /** Samples of the world under the interventions and under the baseline. */
    private record Worlds(Observations intervened, Observations baseline) {
    }

    private static Worlds worlds(StructuralCausalModel model, Scenario scenario, long seed, CancellationToken cancel) {
        Observations intervened = model.sample(scenario.interventions(), scenario.samples(), seed, cancel);
        Observations baseline = model.sample(scenario.baseline(), scenario.samples(), seed, cancel);
        return new Worlds(intervened, baseline);
    }

    /** [world][quantity]: world 0 intervened, 1 baseline. */
    private static double[][] quantities(StructuralCausalModel model, Scenario scenario, Worlds worlds,
            Expression subgroup) {
        boolean[] mask = subgroup == null ? null : mask(model, subgroup, worlds.baseline());
        if (mask != null && count(mask) == 0) {
            throw new ScmException("no simulated unit falls in the subgroup " + scenario.subgroup());
        }
        List<Double> intervened = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (String outcome : scenario.outcomes()) {
            Scale scale = model.scale(outcome);
            intervened.addAll(means(worlds.intervened().column(outcome), scale, mask));
            baseline.addAll(means(worlds.baseline().column(outcome), scale, mask));
        }
        return new double[][] {
                intervened.stream().mapToDouble(Double::doubleValue).toArray(),
                baseline.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static boolean[] mask(StructuralCausalModel model, Expression subgroup, Observations sample) {
        Expression.Compiled rule = subgroup.compile(sample.names(), model::scale);
        double[][] columns = sample.names().stream().map(sample::column).toArray(double[][]::new);
        boolean[] mask = new boolean[sample.rows()];
        java.util.SplittableRandom random = new java.util.SplittableRandom(0);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rule.evaluate(columns, i, random) != 0;
        }
        return mask;
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static List<String> quantityNames(String outcome, Scale scale) {
        return switch (scale.kind()) {
            case NUMERIC -> List.of("E[" + outcome + "]");
            case BINARY -> List.of("P(" + outcome + "=" + scale.levels().get(1) + ")");
            case CATEGORICAL -> scale.levels().stream().map(l -> "P(" + outcome + "=" + l + ")").toList();
        };
    }

    /** The mean (numeric), P(second level) (binary) or P(each level) (categorical) over the masked rows. */
    private static List<Double> means(double[] values, Scale scale, boolean[] mask) {
        int levels = scale.kind() == Scale.Kind.CATEGORICAL ? scale.levelCount() : 1;
        double[] sums = new double[levels];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask == null || mask[i]) {
                if (levels == 1) {
                    sums[0] += values[i];
                } else {
                    sums[(int) values[i]]++;
                }
                n++;
            }
        }
        List<Double> means = new ArrayList<>();
        for (double sum : sums) {
            means.add(sum / n);
        }
        return means;
    }

    private static ScenarioResult.QuantityEffect effect(String outcome, String quantity, double[][] point,
            double[][][] boot, int q, double level) {
        double mean = point[0][q];
        double baseline = point[1][q];
        Interval none = new Interval(Double.NaN, Double.NaN, level);
        if (boot.length == 0) {
            return new ScenarioResult.QuantityEffect(outcome, quantity, mean, none, baseline, none, mean - baseline,
                    none);
        }
        double[] means = Arrays.stream(boot).mapToDouble(b -> b[0][q]).toArray();
        double[] baselines = Arrays.stream(boot).mapToDouble(b -> b[1][q]).toArray();
        double[] effects = Arrays.stream(boot).mapToDouble(b -> b[0][q] - b[1][q]).toArray();
        return new ScenarioResult.QuantityEffect(outcome, quantity, mean, Bootstrap.percentile(means, level),
                baseline, Bootstrap.percentile(baselines, level), mean - baseline, Bootstrap.percentile(effects, level));
    }

    private static ScenarioResult.OutcomeDistribution distribution(String outcome, Scale scale, Worlds worlds) {
        double[] intervened = worlds.intervened().column(outcome);
        double[] baseline = worlds.baseline().column(outcome);
        if (scale.isDiscrete()) {
            return new ScenarioResult.OutcomeDistribution(outcome, scale.levels(), null,
                    frequencies(intervened, scale.levelCount()), frequencies(baseline, scale.levelCount()), null, null);
        }
        double[] a = intervened.clone();
        double[] b = baseline.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        double lo = Math.min(a[0], b[0]);
        double hi = Math.max(a[a.length - 1], b[b.length - 1]);
        if (hi == lo) {
            hi = lo + 1;
        }
        double[] edges = new double[HISTOGRAM_BINS + 1];
        for (int k = 0; k <= HISTOGRAM_BINS; k++) {
            edges[k] = lo + (hi - lo) * k / HISTOGRAM_BINS;
        }
        return new ScenarioResult.OutcomeDistribution(outcome, List.of(), edges, histogram(a, lo, hi),
                histogram(b, lo, hi), quantiles(a), quantiles(b));
    }

    private static double[] frequencies(double[] values, int levels) {
        double[] share = new double[levels];
        for (double v : values) {
            share[(int) v]++;
        }
        for (int k = 0; k < levels; k++) {
            share[k] /= values.length;
        }
        return share;
    }

    private static double[] histogram(double[] values, double lo, double hi) {
        double[] counts = new double[HISTOGRAM_BINS];
        for (double v : values) {
            int bin = (int) ((v - lo) / (hi - lo) * HISTOGRAM_BINS);
            counts[Math.min(Math.max(bin, 0), HISTOGRAM_BINS - 1)]++;
        }
        return counts;
    }

    private static ScenarioResult.Quantiles quantiles(double[] sorted) {
        return new ScenarioResult.Quantiles(Bootstrap.quantile(sorted, 0.05), Bootstrap.quantile(sorted, 0.25),
                Bootstrap.quantile(sorted, 0.5), Bootstrap.quantile(sorted, 0.75), Bootstrap.quantile(sorted, 0.95));
    }
}
