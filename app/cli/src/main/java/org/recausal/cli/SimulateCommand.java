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
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredResult;
import org.recausal.engine.project.StoredScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Intervene on a structural causal model (the PROJECT's stored model while it is current, else"
                + " one fitted now) and print the outcome under the interventions and under the baseline, and their"
                + " difference, with bootstrap intervals that include the uncertainty of the fit: {\"outcome\","
                + " \"mean\", \"ci\", \"baseline_mean\", \"baseline_ci\", \"effect\", \"effect_ci\", \"model\", ...}."
                + " One object per outcome quantity; a JSON array when there are several (several outcomes, or a"
                + " categorical one)."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Mixin
    FitSettings settings;

    @Option(names = "--do", paramLabel = "INTERVENTION", converter = Arguments.InterventionConverter.class,
            description = "An intervention (repeatable): X=1 sets X, X+=0.5 or X-=0.5 shifts it, X:=RULE assigns it"
                    + " by a rule such as min(X, 3) or bernoulli(sigmoid(score - 1)).")
    List<Intervention> interventions = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "INTERVENTION", converter = Arguments.InterventionConverter.class,
            description = "An intervention defining the world to compare with (repeatable); default: the world as"
                    + " it is.")
    List<Intervention> baseline = new ArrayList<>();

    @Option(names = "--outcome", paramLabel = "VARIABLE", description = "An outcome (repeatable).")
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

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Run the PROJECT's saved scenario NAME (its interventions, baseline, outcomes, subgroup,"
                    + " samples and seed) instead of --do, --baseline, --outcome, --subgroup and --samples.")
    String scenarioName;

    @Option(names = "--save-scenario", paramLabel = "NAME",
            description = "Save the scenario and its result in the PROJECT under NAME (replacing one of that name),"
                    + " with the model the result came from.")
    String saveAs;

    @Option(names = "--export-scenario", paramLabel = "FILE", description = "Also write the scenario as JSON to FILE.")
    Path scenarioFile;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = scenario();
        Dag dag = inputs.dag();
        TableBinding.Bound bound = inputs.bind(dag);
        ModelSource source = ModelSource.of(inputs, settings, dag, bound);
        ScenarioResult result = InterventionEffects.run(source.fitted(), bound.observations(), scenario, replicates,
                level, ProgressListener.NONE, CancellationToken.none());
        if (scenarioFile != null) {
            Files.writeString(scenarioFile, scenario.toJsonText() + "\n", StandardCharsets.UTF_8);
        }
        if (saveAs != null) {
            save(scenario, result, source);
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
            Json.strings(node, "interventions", scenario.interventions().stream().map(Intervention::text).toList());
            Json.strings(node, "baseline", scenario.baseline().stream().map(Intervention::text).toList());
            if (scenario.subgroup() != null) {
                node.put("subgroup", scenario.subgroup());
                Json.number(node, "subgroup_share", result.subgroupShare());
            }
            node.put("samples", scenario.samples());
            node.put("replicates", replicates);
            node.put("seed", scenario.seed());
            source.describe(node);
            if (scenarioName != null || saveAs != null) {
                node.put("scenario", scenario.name());
            }
        }
        Json.print(spec.commandLine().getOut(), all.size() == 1 ? all.get(0) : all);
        return Cli.EXIT_OK;
    }

    /** The scenario from the command line, or the project's saved one. */
    private Scenario scenario() throws ProjectFileException {
        if ((scenarioName != null || saveAs != null)
                && (inputs.project == null || inputs.graph != null || inputs.data != null)) {
            throw new ParameterException(spec.commandLine(), (scenarioName != null ? "--scenario" : "--save-scenario")
                    + " reads and writes the PROJECT's scenarios: give a PROJECT, without --graph or --data");
        }
        if (scenarioName == null) {
            if (interventions.isEmpty() || outcomes.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give --do and --outcome, or --scenario NAME");
            }
            return new Scenario(saveAs == null ? "command line" : saveAs, interventions, baseline, outcomes, subgroup,
                    samples, settings.seed);
        }
        if (!interventions.isEmpty() || !baseline.isEmpty() || !outcomes.isEmpty() || subgroup != null) {
            throw new ParameterException(spec.commandLine(), "--scenario runs the saved scenario as it is; leave out"
                    + " --do, --baseline, --outcome and --subgroup");
        }
        Project project = inputs.project();
        Scenario saved = project.scenario(scenarioName).orElseThrow(() -> new CommandFailure(
                inputs.project.getFileName() + " has no scenario '" + scenarioName + "' (its scenarios: "
                        + (project.scenarios().isEmpty() ? "none"
                                : String.join(", ", project.scenarios().stream().map(Scenario::name).toList()))
                        + ")"));
        return saveAs == null || saveAs.equals(saved.name()) ? saved : new Scenario(saveAs, saved.interventions(),
                saved.baseline(), saved.outcomes(), saved.subgroup(), saved.samples(), saved.seed());
    }

    /** Keeps the scenario, its result and the model it came from in the project, and writes the project anew. */
    private void save(Scenario scenario, ScenarioResult result, ModelSource source) throws ProjectFileException {
        Project project = inputs.project();
        if (project.scenario(scenario.name()).isPresent()) {
            project.replaceScenario(scenario);
        } else {
            project.addScenario(scenario);
        }
        StoredScm model = source.stored() ? project.scm().orElseThrow() : StoredScm.of(source.fitted(), project);
        project.setScm(model);
        project.setScenarioResult(StoredResult.of(result, model));
        ProjectFiles.save(project, inputs.project);
    }
}
