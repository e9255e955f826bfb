package org.recausal.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
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
        description = {"Estimate the average effect of a treatment on an outcome by adjusting for a valid"
                + " adjustment set of the graph, with a bootstrap interval:"
                + " {\"estimate\", \"ci\", \"method\", \"adjustment_set\", ...}. When the graph does not identify the"
                + " effect by adjustment, say why and give no number (exit code 1)."})
final class EstimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    EffectOptions effect;

    @Override
    public Integer call() throws Exception {
        Dag dag = inputs.dag();
        Identification identified = effect.identify(dag);
        Observations data = inputs.bind(dag).observations();
        EffectEstimate estimate = effect.estimator(data, identified).estimate(ProgressListener.NONE,
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

        Identification identify(Dag dag) {
            return Identification.of(dag, treatment, outcome, adjust);
        }

        AdjustmentEstimator estimator(Observations data, Identification identified) {
            AdjustmentEstimator.Settings settings;
            try {
                settings = new AdjustmentEstimator.Settings(EstimationMethod.parse(method), replicates, level, trim,
                        seed);
            } catch (IllegalArgumentException e) {
                throw Arguments.invalid(spec, e.getMessage());
            }
            return new AdjustmentEstimator(data, treatment, outcome, identified.adjustmentSet(), settings);
        }
    }
}
