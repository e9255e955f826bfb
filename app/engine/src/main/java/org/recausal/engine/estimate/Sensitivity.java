package org.recausal.engine.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recausal.engine.model.Features;
import org.recausal.engine.model.LinearRegression;
import org.recausal.engine.model.Scale;
import org.recausal.engine.model.TrainingSet;
import org.recausal.engine.scm.Observations;

import smile.stat.distribution.TDistribution;

/**
 * Sensitivity of an adjusted effect to an unobserved confounder, by the omitted-variable-bias framework of
 * Cinelli and Hazlett (2020, "Making sense of sensitivity", JRSS B), as in sensemakr: for the linear regression of
 * the outcome on the treatment and the adjustment set, the robustness value RV is the partial R² a confounder
 * would need with both the treatment and the outcome to bring the estimate to zero (RV_α: to make it
 * insignificant at 5%). A confounder as strong as each observed covariate (k = 1) gives a bound on the bias; the
 * verdict is whether the estimate keeps its sign under the strongest of them.
 */
public final class Sensitivity {

    private static final double ALPHA = 0.05;

    private Sensitivity() {
    }

    public static Refutation check(Observations data, String treatment, String outcome, List<String> adjustment) {
        double[] t = data.column(treatment);
        double[] y = data.column(outcome);
        List<String> withTreatment = new ArrayList<>(adjustment);
        withTreatment.add(treatment);
        LinearRegression full = fit(data, withTreatment, y);
        double df = full.residualDegreesOfFreedom();
        double estimate = full.coefficient(treatment);
        double r2yd = partial(fit(data, adjustment, y).residualSquares(), full.residualSquares());
        double tStatistic = Math.sqrt(df * r2yd / (1 - r2yd));
        double se = Math.abs(estimate) / tStatistic;
        double rv = robustnessValue(tStatistic, df, 1);
        double rvAlpha = robustnessValue(tStatistic, df, ALPHA);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("regression_estimate", estimate);
        numbers.put("partial_r2_treatment_outcome", r2yd);
        numbers.put("robustness_value", rv);
        numbers.put("robustness_value_alpha", rvAlpha);
        String common = String.format(Locale.ROOT, "For the linear regression of %s on %s and the adjustment set"
                + " (estimate %.4g), a hidden confounder would have to explain %.1f%% of the residual variance of both"
                + " %s and %s to bring the estimate to zero, and %.1f%% to make it insignificant at 5%%.", outcome,
                treatment, estimate, 100 * rv, treatment, outcome, 100 * rvAlpha);
        if (adjustment.isEmpty()) {
            return new Refutation("unobserved confounder", rvAlpha > 0, common + " There is no observed covariate to"
                    + " compare that strength with." + (rvAlpha > 0 ? "" : " The estimate is not significant even"
                    + " without confounding."), numbers);
        }
        String strongest = null;
        double largestBias = -1;
        double strongestTreatment = 0;
        double strongestOutcome = 0;
        for (String covariate : adjustment) {
            List<String> others = new ArrayList<>(adjustment);
            others.remove(covariate);
            List<String> othersWithTreatment = new ArrayList<>(others);
            othersWithTreatment.add(treatment);
            double r2dx = partial(fit(data, others, t).residualSquares(), fit(data, adjustment, t).residualSquares());
            double r2yx = partial(fit(data, othersWithTreatment, y).residualSquares(), full.residualSquares());
            Confounder confounder = asStrongAs(r2dx, r2yx);
            if (confounder == null) {
                continue;
            }
            double bias = bias(se, df, confounder);
            if (bias > largestBias) {
                largestBias = bias;
                strongest = covariate;
                strongestTreatment = confounder.treatmentR2();
                strongestOutcome = confounder.outcomeR2();
            }
        }
        if (strongest == null) {
            return new Refutation("unobserved confounder", false, common + " The observed covariates predict "
                    + treatment + " perfectly, so no comparison is possible.", numbers);
        }
        double adjusted = Math.signum(estimate) * (Math.abs(estimate) - largestBias);
        boolean survives = Math.signum(adjusted) == Math.signum(estimate) && adjusted != 0;
        numbers.put("benchmark_partial_r2_treatment", strongestTreatment);
        numbers.put("benchmark_partial_r2_outcome", strongestOutcome);
        numbers.put("benchmark_adjusted_estimate", adjusted);
        return new Refutation("unobserved confounder", survives, common + String.format(Locale.ROOT, " A confounder as"
                + " strong as %s, the strongest observed covariate (partial R² %.3f with %s, %.3f with %s), would"
                + " move the estimate to %.4g: the effect %s.", strongest, strongestTreatment, treatment,
                strongestOutcome, outcome, adjusted, survives ? "keeps its sign" : "could be explained away"), numbers);
    }

    /** Partial R² of a hypothetical confounder with the treatment (given the covariates) and the outcome. */
    record Confounder(double treatmentR2, double outcomeR2) {
    }

    /**
     * The confounder as strong as a covariate whose partial R² with the treatment is {@code r2dx} and with the
     * outcome {@code r2yx} (k = 1; Cinelli and Hazlett, section 6.1), or null when none can be.
     */
    static Confounder asStrongAs(double r2dx, double r2yx) {
        double r2dz = r2dx / (1 - r2dx);
        double r2zx = r2dx * r2dx / ((1 - r2dx) * (1 - r2dx));
        if (r2dz >= 1 || r2zx >= 1) {
            return null;
        }
        double r2yz = Math.min(1, Math.pow((1 + Math.sqrt(r2zx)) / Math.sqrt(1 - r2zx), 2) * (r2yx / (1 - r2yx)));
        return new Confounder(r2dz, r2yz);
    }

    /** How far such a confounder could move an estimate with this standard error and residual df. */
    static double bias(double se, double df, Confounder confounder) {
        double r2dz = confounder.treatmentR2();
        return se * Math.sqrt(df) * Math.sqrt(confounder.outcomeR2() * r2dz / (1 - r2dz));
    }

    /**
     * The robustness value for a t statistic with {@code df} residual degrees of freedom: the partial R² with
     * treatment and outcome that brings the estimate to zero (alpha 1) or makes it insignificant at alpha.
     */
    static double robustnessValue(double t, double df, double alpha) {
        double f = Math.abs(t) / Math.sqrt(df);
        double fCritical = alpha >= 1 ? 0
                : new TDistribution((int) Math.min(Integer.MAX_VALUE, df - 1)).quantile(1 - alpha / 2)
                        / Math.sqrt(df - 1);
        double fa = f - fCritical;
        if (fa < 0) {
            return 0;
        }
        if (fCritical > 0 && f > 1 / fCritical) {
            return (f * f - fCritical * fCritical) / (1 + f * f);
        }
        return 0.5 * (Math.sqrt(fa * fa * fa * fa + 4 * fa * fa) - fa * fa);
    }

    private static double partial(double reducedSquares, double fullSquares) {
        return reducedSquares <= 0 ? 0 : Math.max(0, (reducedSquares - fullSquares) / reducedSquares);
    }

    private static LinearRegression fit(Observations data, List<String> inputs, double[] target) {
        List<Scale> scales = inputs.stream().map(data::scale).toList();
        double[][] columns = inputs.stream().map(data::column).toArray(double[][]::new);
        return LinearRegression.fit(new TrainingSet(Features.of(inputs, scales), columns, target, null));
    }
}
