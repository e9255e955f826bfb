package org.recausal.engine.policy;

import java.util.List;
import java.util.Optional;

import org.recausal.engine.estimate.Interval;

/**
 * What simulating a policy gives: each metric under the current policy and under the new one, and their
 * difference, with bootstrap intervals that include the uncertainty of fitting the mechanisms; the uplift of
 * every logged recommendation and user; and, where the log has propensities, the off-policy estimates beside
 * the simulation.
 *
 * @param metrics   overall metrics first (exposure, the outcomes, coverage and concentration where items are
 *                  known, the outcome gaps between groups), then the outcomes within each group
 * @param offPolicy null when the log has no exposure propensities
 * @param notes     what could not be computed and why, and warnings (disagreements among them)
 */
public record PolicyResult(String policy, String definition, List<MetricEffect> metrics, Uplifts uplifts,
        OffPolicy offPolicy, List<String> notes, int rows, int draws, int replicates, double level, long seed) {

    public PolicyResult {
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    /** The metric of that id over all users (group null) or within a group. */
    public Optional<MetricEffect> metric(String id, String group) {
        return metrics.stream().filter(m -> m.metric().equals(id)
                && (group == null ? m.group() == null : group.equals(m.group()))).findFirst();
    }

    /** A value with its interval (NaN bounds without bootstrap replicates). */
    public record Estimate(double value, Interval ci) {
    }

    /**
     * One metric in both worlds.
     *
     * @param metric {@code exposure} (share of considered pairs shown), an outcome's name (its mean per considered
     *               pair: for a binary outcome the probability of its second level), {@code coverage} (expected
     *               share of the logged items shown at least once), {@code gini} (Gini coefficient of the items'
     *               expected exposure counts) or {@code gap:OUTCOME} (largest minus smallest group mean of the outcome)
     * @param group  the user group the metric is restricted to, or null for everybody
     * @param label  a readable name, e.g. {@code P(purchase=1)} or {@code purchase gap across user_activity}
     */
    public record MetricEffect(String metric, String group, String label, Estimate current, Estimate policy,
            Estimate difference) {
    }

    /**
     * Per recommendation and per user, the expected change the policy makes: for every logged row the probability
     * of exposure in both worlds and each outcome's expected change; for every user (where the log names users) the
     * sum of the changes over the user's rows.
     *
     * @param perRow [outcome][row]
     */
    public record Uplifts(List<String> outcomes, double[] currentExposure, double[] policyExposure, double[][] perRow,
            List<UserUplift> perUser) {

        public Uplifts {
            outcomes = List.copyOf(outcomes);
            perUser = List.copyOf(perUser);
        }
    }

    /** @param uplift per outcome, the summed expected change over the user's rows */
    public record UserUplift(String user, int rows, double[] uplift) {
    }

    /**
     * Off-policy estimates of the policy's exposure decisions from the logged propensities, set against the
     * simulation of the same decisions (the policy's exposure probabilities, every other variable as the model
     * has it with the current policy).
     *
     * @param effectiveSampleSize (sum w)^2 / sum w^2 of the importance weights
     */
    public record OffPolicy(List<OffPolicyOutcome> outcomes, double effectiveSampleSize, double maxWeight) {
        public OffPolicy {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * One outcome: its logged mean, the simulated change under the policy's exposure decisions and each
     * estimator's value and change.
     */
    public record OffPolicyOutcome(String outcome, double logged, Estimate simulated, List<Estimator> estimators) {
        public OffPolicyOutcome {
            estimators = List.copyOf(estimators);
        }
    }

    /**
     * @param name       {@code IPS}, {@code SNIPS} or {@code DR}
     * @param disagrees  whether this estimate's interval for the change and the simulation's do not overlap
     */
    public record Estimator(String name, Estimate value, Estimate difference, boolean disagrees) {
    }
}
