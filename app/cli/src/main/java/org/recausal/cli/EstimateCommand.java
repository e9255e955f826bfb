package org.recausal.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.scm.Expression;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimate the average effect of a treatment on an outcome (or the value of a treatment"
                + " policy) by adjusting for a valid adjustment set of the graph, with a bootstrap interval:"
                + " {\"estimate\", \"ci\", \"method\", \"adjustment_set\", ...}. When the graph does not identify the"
                + " effect by adjustment, say why and give no number (exit code 1)."})
final class EstimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    EffectOptions effect;

    @Option(names = "--policy", paramLabel = "PROBABILITY",
            description = "Instead of the average effect, evaluate a treatment policy against the world as it is:"
                    + " the probability of treatment as a formula of pre-treatment variables, e.g."
                    + " 'sigmoid(1.5 * (recommender_score - 1.8) - 0.5 * log(1 + item_popularity))'. Its variables"
                    + " join the adjustment set.")
    String policy;

    @Override
    public Integer call() throws Exception {
        Expression rule = null;
        if (policy != null) {
            try {
                rule = Expression.parse(policy);
            } catch (IllegalArgumentException e) {
                throw Arguments.invalid(spec, "--policy: " + e.getMessage());
            }
        }
        Dag dag = inputs.dag();
        Identification identified = effect.identify(dag, rule);
        Observations data = inputs.bind(dag).observations();
        EffectEstimate estimate = effect.estimator(data, identified, rule).estimate(ProgressListener.NONE,
                CancellationToken.none());
        Json.print(spec.commandLine().getOut(), toJson(estimate, identified));
        return Cli.EXIT_OK;
    }

    static ObjectNode toJson(EffectEstimate estimate, Identification identified) {
        ObjectNode root = Json.object();
        Json.number(root, "estimate", estimate.estimate());
        Json.interval(root, "ci", estimate.ci());
        root.put("method", estimate.method().id());
        Json.strings(root, "adjustment_set", estimate.adjustmentSet());
        root.put("treatment", estimate.treatment());
        root.put("outcome", estimate.outcome());
        root.put("definition", estimate.definition());
        Json.number(root, "standard_error", estimate.standardError());
        root.put("level", estimate.ci().level());
        root.put("replicates", estimate.replicates());
        root.put("rows", estimate.rows());
        if (estimate.overlap() != null) {
            ObjectNode overlap = root.putObject("overlap");
            Json.number(overlap, "min_propensity", estimate.overlap().minPropensity());
            Json.number(overlap, "max_propensity", estimate.overlap().maxPropensity());
            Json.number(overlap, "share_extreme", estimate.overlap().shareExtreme());
            overlap.put("clipped", estimate.overlap().clipped());
            Json.number(overlap, "effective_treated", estimate.overlap().effectiveTreated());
            Json.number(overlap, "effective_control", estimate.overlap().effectiveControl());
        }
        Json.strings(root, "warnings", estimate.warnings());
        Json.strings(root, "notes", identified.notes());
        return root;
    }

    /** Treatment, outcome, method and estimation settings (a picocli mixin shared with refute). */
    static final class EffectOptions {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--treatment", required = true, paramLabel = "VARIABLE", description = "The treatment.")
        String treatment;

        @Option(names = "--outcome", required = true, paramLabel = "VARIABLE", description = "The outcome.")
        String outcome;

        @Option(names = "--method", paramLabel = "METHOD", defaultValue = "aipw",
                description = "regression (g-computation), ipw or aipw (doubly robust). Default: ${DEFAULT-VALUE}.")
        String method;

        @Option(names = "--adjust", split = ",", paramLabel = "VARIABLES",
                description = "Adjust for these variables (checked against the graph) instead of the smallest"
                        + " valid set the graph gives.")
        List<String> adjust;

        @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
                description = "Bootstrap replicates for the interval. Default: ${DEFAULT-VALUE}.")
        int replicates;

        @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
                description = "Interval level. Default: ${DEFAULT-VALUE}.")
        double level;

        @Option(names = "--trim", paramLabel = "P", defaultValue = "0.01",
                description = "Clip propensities to [P, 1-P] (ipw, aipw). Default: ${DEFAULT-VALUE}.")
        double trim;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "Seed of the bootstrap. Default: ${DEFAULT-VALUE}.")
        long seed;

        /** @param policy the policy whose variables the set must hold, or null */
        Identification identify(Dag dag, Expression policy) {
            return Identification.of(dag, treatment, outcome, adjust,
                    policy == null ? List.of() : List.copyOf(policy.variables()));
        }

        AdjustmentEstimator estimator(Observations data, Identification identified, Expression policy) {
            AdjustmentEstimator.Settings settings;
            try {
                settings = new AdjustmentEstimator.Settings(EstimationMethod.parse(method), replicates, level, trim,
                        seed);
            } catch (IllegalArgumentException e) {
                throw Arguments.invalid(spec, e.getMessage());
            }
            return new AdjustmentEstimator(data, treatment, outcome, identified.adjustmentSet(), settings, policy);
        }
    }
}
