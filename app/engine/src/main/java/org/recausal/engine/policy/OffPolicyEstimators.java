package org.recausal.engine.policy;

import java.util.List;

import org.apache.commons.math3.special.Erf;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.policy.PolicyResult.Estimate;
import org.recausal.engine.policy.PolicyResult.Estimator;

/**
 * Off-policy estimates of a policy's value from a log of binary exposure decisions a with their logged
 * propensities p = P(a = 1 | x), the policy's probabilities pi = P(a = 1 | x) and an outcome y, with the importance
 * weight w = pi / p for a shown pair and (1 - pi) / (1 - p) for one not shown:
 * <ul>
 * <li>IPS: mean(w y), unbiased when the propensities are right;</li>
 * <li>SNIPS: sum(w y) / sum(w), self-normalised: slightly biased, much less variable when weights are large;</li>
 * <li>DR: mean(pi q1 + (1 - pi) q0 + w (y - q_a)), with q_a(x) the model's E[y | do(a), x]: unbiased when either the
 * propensities or the outcome model are right.</li>
 * </ul>
 * Intervals are normal ones from the per-row influence terms (the delta method for SNIPS); the change against
 * the logged mean is estimated from paired terms, so its interval is narrower than the value's.
 */
final class OffPolicyEstimators {

    private OffPolicyEstimators() {
    }

    /** The importance weight of each row. */
    static double[] weights(double[] action, double[] propensity, double[] policy) {
        double[] w = new double[action.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = action[i] == 1 ? policy[i] / propensity[i] : (1 - policy[i]) / (1 - propensity[i]);
        }
        return w;
    }

    /** (sum w)^2 / sum w^2. */
    static double effectiveSampleSize(double[] w) {
        double sum = 0;
        double squares = 0;
        for (double v : w) {
            sum += v;
            squares += v * v;
        }
        return sum * sum / squares;
    }

    /**
     * @param q0 the outcome model's E[y | do(a = 0), x] per row
     * @param q1 the outcome model's E[y | do(a = 1), x] per row
     */
    static List<Estimator> estimate(double[] y, double[] action, double[] policy, double[] w, double[] q0,
            double[] q1, Estimate simulated, double level) {
        int n = y.length;
        double logged = mean(y);
        double[] ips = new double[n];
        double[] dr = new double[n];
        double weightedSum = 0;
        double weightSum = 0;
        for (int i = 0; i < n; i++) {
            ips[i] = w[i] * y[i];
            double qa = action[i] == 1 ? q1[i] : q0[i];
            dr[i] = policy[i] * q1[i] + (1 - policy[i]) * q0[i] + w[i] * (y[i] - qa);
            weightedSum += w[i] * y[i];
            weightSum += w[i];
        }
        double snips = weightedSum / weightSum;
        double meanWeight = weightSum / n;
        double[] snipsInfluence = new double[n];
        for (int i = 0; i < n; i++) {
            snipsInfluence[i] = snips + w[i] * (y[i] - snips) / meanWeight;
        }
        double z = Math.sqrt(2) * Erf.erfInv(level);
        return List.of(
                estimator("IPS", ips, y, logged, simulated, z, level),
                estimator("SNIPS", snipsInfluence, y, logged, simulated, z, level),
                estimator("DR", dr, y, logged, simulated, z, level));
    }

    /** An estimator whose value is the mean of its per-row terms (or, for SNIPS, of its influence terms). */
    private static Estimator estimator(String name, double[] terms, double[] y, double logged, Estimate simulated,
            double z, double level) {
        double value = mean(terms);
        double[] paired = new double[terms.length];
        for (int i = 0; i < terms.length; i++) {
            paired[i] = terms[i] - y[i];
        }
        double difference = value - logged;
        Interval valueCi = normal(value, terms, z, level);
        Interval differenceCi = normal(difference, paired, z, level);
        boolean disagrees = Double.isFinite(simulated.ci().lower())
                && (differenceCi.upper() < simulated.ci().lower() || differenceCi.lower() > simulated.ci().upper());
        return new Estimator(name, new Estimate(value, valueCi), new Estimate(difference, differenceCi), disagrees);
    }

    private static Interval normal(double centre, double[] terms, double z, double level) {
        double mean = mean(terms);
        double squares = 0;
        for (double t : terms) {
            squares += (t - mean) * (t - mean);
        }
        double se = Math.sqrt(squares / (terms.length - 1) / terms.length);
        return new Interval(centre - z * se, centre + z * se, level);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
