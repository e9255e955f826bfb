package org.recausal.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.estimate.Refutation;
import org.recausal.engine.estimate.Refuters;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "refute", mixinStandardHelpOptions = true,
        description = {"Estimate an effect as estimate does, then try to refute it: a placebo treatment, a random"
                + " common cause, random subsets of the data and the sensitivity to an unobserved confounder. Prints"
                + " {\"estimate\": {...}, \"refutations\": [{\"check\", \"passed\", \"verdict\", \"numbers\"}, ...]}."})
final class RefuteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    EstimateCommand.EffectOptions effect;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "20",
            description = "Re-estimates per check. Default: ${DEFAULT-VALUE}.")
    int simulations;

    @Override
    public Integer call() throws Exception {
        if (simulations < 5) {
            throw Arguments.invalid(spec, "--simulations must be at least 5, not " + simulations);
        }
        Dag dag = inputs.dag();
        Identification identified = effect.identify(dag, null);
        Observations data = inputs.bind(dag).observations();
        AdjustmentEstimator estimator = effect.estimator(data, identified, null);
        EffectEstimate estimate = estimator.estimate(ProgressListener.NONE, CancellationToken.none());
        List<Refutation> refutations = Refuters.run(data, effect.treatment, effect.outcome,
                identified.adjustmentSet(), estimator.settings(), estimate, simulations, ProgressListener.NONE,
                CancellationToken.none());
        ObjectNode root = Json.object();
        root.set("estimate", EstimateCommand.toJson(estimate, identified));
        ArrayNode checks = root.putArray("refutations");
        for (Refutation refutation : refutations) {
            ObjectNode check = checks.addObject();
            check.put("check", refutation.check());
            check.put("passed", refutation.passed());
            check.put("verdict", refutation.verdict());
            Json.numbers(check, "numbers", refutation.numbers());
        }
        Json.print(spec.commandLine().getOut(), root);
        return Cli.EXIT_OK;
    }
}
