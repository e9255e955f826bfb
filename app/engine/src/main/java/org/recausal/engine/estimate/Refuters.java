package org.recausal.engine.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Checks that try to refute an adjusted estimate, each re-estimating under a change that should (or should not)
 * move it: a placebo treatment, a random common cause, random subsets of the data, and the sensitivity to an
 * unobserved confounder ({@link Sensitivity}). Simulations run in parallel from their own seeds.
 */
public final class Refuters {

    /** Name of the simulated covariate the random-common-cause check adds. */
    static final String RANDOM_CAUSE = "__random_common_cause";
    private static final double SUBSET_SHARE = 0.8;

    private Refuters() {
    }

    /**
     * @param original    the estimate being checked (its standard error scales the tolerances)
     * @param simulations re-estimates per check
     */
    public static List<Refutation> run(Observations data, String treatment, String outcome, List<String> adjustment,
            AdjustmentEstimator.Settings settings, EffectEstimate original, int simulations, ProgressListener progress,
            CancellationToken cancel) {
        if (simulations < 5) {
            throw new IllegalArgumentException("refutation needs at least 5 simulations per check, not " + simulations);
        }
        List<Refutation> checks = new ArrayList<>();
        progress.progress(0, "Placebo treatment");
        checks.add(placebo(data, treatment, outcome, adjustment, settings, original, simulations, cancel));
        progress.progress(0.3, "Random common cause");
        checks.add(randomCommonCause(data, treatment, outcome, adjustment, settings, original, simulations, cancel));
        progress.progress(0.6, "Data subsets");
        checks.add(subsets(data, treatment, outcome, adjustment, settings, original, simulations, cancel));
        progress.progress(0.9, "Unobserved confounder");
        checks.add(Sensitivity.check(data, treatment, outcome, adjustment));
        progress.progress(1, "Refutation done");
        return checks;
    }

    private interface Replicate {
        double estimate(int replicate, SplittableRandom random);
    }

    private static double[] simulate(int simulations, long seed, long check, CancellationToken cancel,
            Replicate replicate) {
        double[] estimates = new double[simulations];
        IntStream.range(0, simulations).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            estimates[r] = replicate.estimate(r, Seeds.random(seed, check, r));
        });
        cancel.throwIfCancelled();
        return estimates;
    }

    static Refutation placebo(Observations data, String treatment, String outcome, List<String> adjustment,
            AdjustmentEstimator.Settings settings, EffectEstimate original, int simulations,
            CancellationToken cancel) {
        double[] t = data.column(treatment);
        Scale scale = data.scale(treatment);
        double[] estimates = simulate(simulations, settings.seed(), 1, cancel, (r, random) -> {
            double[] permuted = t.clone();
            for (int i = permuted.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double swap = permuted[i];
                permuted[i] = permuted[j];
                permuted[j] = swap;
            }
            return new AdjustmentEstimator(data.with(treatment, scale, permuted), treatment, outcome, adjustment,
                    settings).pointEstimate();
        });
        double mean = mean(estimates);
        double sd = Bootstrap.standardError(estimates);
        long asLarge = Arrays.stream(estimates).filter(e -> Math.abs(e) >= Math.abs(original.estimate())).count();
        double pValue = (asLarge + 1.0) / (simulations + 1.0);
        boolean passed = Math.abs(mean) <= 2.58 * sd / Math.sqrt(simulations);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("placebo_mean", mean);
        numbers.put("placebo_sd", sd);
        numbers.put("p_value", pValue);
        String verdict = String.format(Locale.ROOT, "Replacing %s by a random permutation of itself %s (mean %.4g,"
                + " sd %.4g over %d permutations). The real estimate %.4g is %s (permutation p = %.3f).", treatment,
                passed ? "gives effects around zero, as it should" : "still gives an effect: the estimate picks up"
                        + " something other than the treatment", mean, sd, simulations, original.estimate(),
                pValue <= 0.05 ? "larger than placebo effects" : "no larger than placebo effects", pValue);
        return new Refutation("placebo treatment", passed, verdict, numbers);
    }

    static Refutation randomCommonCause(Observations data, String treatment, String outcome, List<String> adjustment,
            AdjustmentEstimator.Settings settings, EffectEstimate original, int simulations,
            CancellationToken cancel) {
        List<String> extended = new ArrayList<>(adjustment);
        extended.add(RANDOM_CAUSE);
        double[] estimates = simulate(simulations, settings.seed(), 2, cancel, (r, random) -> {
            double[] noise = new double[data.rows()];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = random.nextGaussian();
            }
            return new AdjustmentEstimator(data.with(RANDOM_CAUSE, Scale.numeric(), noise), treatment, outcome,
                    extended, settings).pointEstimate();
        });
        double largest = Arrays.stream(estimates).map(e -> Math.abs(e - original.estimate())).max().orElse(0);
        double tolerance = 0.5 * original.standardError();
        boolean passed = largest <= tolerance;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("mean_estimate", mean(estimates));
        numbers.put("largest_change", largest);
        numbers.put("tolerance", tolerance);
        String verdict = String.format(Locale.ROOT, "Adding an independent random variable to the adjustment set %s"
                + " (largest change %.3g over %d simulations, against half a standard error, %.3g).",
                passed ? "leaves the estimate where it was, as it should" : "moves the estimate: it is unstable",
                largest, simulations, tolerance);
        return new Refutation("random common cause", passed, verdict, numbers);
    }

    static Refutation subsets(Observations data, String treatment, String outcome, List<String> adjustment,
            AdjustmentEstimator.Settings settings, EffectEstimate original, int simulations,
            CancellationToken cancel) {
        double[] estimates = simulate(simulations, settings.seed(), 3, cancel, (r, random) -> {
            boolean[] keep = new boolean[data.rows()];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = random.nextDouble() < SUBSET_SHARE;
            }
            return new AdjustmentEstimator(data.filter(keep), treatment, outcome, adjustment, settings)
                    .pointEstimate();
        });
        double mean = mean(estimates);
        double sd = Bootstrap.standardError(estimates);
        // An estimate from a random 80% of the rows differs from the full one by about SE * sqrt(0.2 / 0.8).
        double expectedSd = original.standardError() * Math.sqrt((1 - SUBSET_SHARE) / SUBSET_SHARE);
        boolean centred = Math.abs(mean - original.estimate()) <= 3 * sd / Math.sqrt(simulations) + 1e-12;
        boolean steady = sd <= 2 * expectedSd;
        boolean passed = centred && steady;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("subset_mean", mean);
        numbers.put("subset_sd", sd);
        numbers.put("expected_sd", expectedSd);
        String verdict = String.format(Locale.ROOT, "Re-estimating on %d random %.0f%% subsets gives %.4g on average"
                + " (sd %.3g, expected about %.3g): %s.", simulations, 100 * SUBSET_SHARE, mean, sd, expectedSd,
                passed ? "the estimate does not hinge on particular rows"
                        : !steady ? "the estimate swings more than sampling explains, so a few rows drive it"
                                : "the subsets disagree with the full estimate");
        return new Refutation("data subsets", passed, verdict, numbers);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
