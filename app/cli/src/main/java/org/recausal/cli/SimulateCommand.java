package org.recausal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.InterventionEffects;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Fit a structural causal model, intervene on it and print the outcome under the interventions"
                + " and under the baseline, and their difference, with bootstrap intervals that include the"
                + " uncertainty of the fit: {\"outcome\", \"mean\", \"ci\", \"baseline_mean\", \"baseline_ci\","
                + " \"effect\", \"effect_ci\", ...}. One object per outcome quantity; a JSON array when there are"
                + " several (several outcomes, or a categorical one)."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    FitSettings settings;

    @Option(names = "--do", required = true, paramLabel = "INTERVENTION", converter = Arguments.InterventionConverter.class,
            description = "An intervention (repeatable): X=1 sets X, X+=0.5 or X-=0.5 shifts it, X:=RULE assigns it"
                    + " by a rule such as min(X, 3) or bernoulli(sigmoid(score - 1)).")
    List<Intervention> interventions = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "INTERVENTION", converter = Arguments.InterventionConverter.class,
            description = "An intervention defining the world to compare with (repeatable); default: the world as"
                    + " it is.")
    List<Intervention> baseline = new ArrayList<>();

    @Option(names = "--outcome", required = true, paramLabel = "VARIABLE", description = "An outcome (repeatable).")
    List<String> outcomes = new ArrayList<>();

    @Option(names = "--subgroup", paramLabel = "CONDITION",
            description = "Only units meeting the condition, e.g. 'device == \"mobile\" && user_activity > 5'."
                    + " It may read only variables the interventions do not change.")
    String subgroup;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "100000",
            description = "Simulated units per world. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "100",
            description = "Bootstrap replicates for the intervals, each refitting the model (0: none)."
                    + " Default: ${DEFAULT-VALUE}.")
    int replicates;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "Interval level. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--save-scenario", paramLabel = "FILE", description = "Also write the scenario as JSON to FILE.")
    Path scenarioFile;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = new Scenario("command line", interventions, baseline, outcomes, subgroup, samples,
                settings.seed);
        Dag dag = inputs.dag();
        TableBinding.Bound bound = inputs.bind(dag);
        FittedScm fitted = ScmFitter.fit(dag, bound.observations(), settings.options(), ProgressListener.NONE,
                CancellationToken.none());
        ScenarioResult result = InterventionEffects.run(fitted, bound.observations(), scenario, replicates, level,
                ProgressListener.NONE, CancellationToken.none());
        if (scenarioFile != null) {
            Files.writeString(scenarioFile, scenario.toJsonText() + "\n", StandardCharsets.UTF_8);
        }
        ArrayNode all = Json.array();
        for (ScenarioResult.QuantityEffect effect : result.effects()) {
            ObjectNode node = all.addObject();
            node.put("outcome", effect.outcome());
            node.put("quantity", effect.quantity());
            Json.number(node, "mean", effect.mean());
            Json.interval(node, "ci", effect.ci());
            Json.number(node, "baseline_mean", effect.baselineMean());
            Json.interval(node, "baseline_ci", effect.baselineCi());
            Json.number(node, "effect", effect.effect());
            Json.interval(node, "effect_ci", effect.effectCi());
            Json.strings(node, "interventions", interventions.stream().map(Intervention::text).toList());
            Json.strings(node, "baseline", baseline.stream().map(Intervention::text).toList());
            if (subgroup != null) {
                node.put("subgroup", subgroup);
                Json.number(node, "subgroup_share", result.subgroupShare());
            }
            node.put("samples", samples);
            node.put("replicates", replicates);
            node.put("seed", settings.seed);
        }
        Json.print(spec.commandLine().getOut(), all.size() == 1 ? all.get(0) : all);
        return Cli.EXIT_OK;
    }
}
