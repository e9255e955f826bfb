package org.recausal.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.project.PolicyScenario;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.policy.AlternativeScores;
import org.recausal.engine.policy.LoggedData;
import org.recausal.engine.policy.Policy;
import org.recausal.engine.policy.PolicyData;
import org.recausal.engine.policy.PolicyRequest;
import org.recausal.engine.policy.PolicyResult;
import org.recausal.engine.policy.PolicySimulation;
import org.recausal.engine.policy.RankingSetup;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.report.PolicyExports;
import org.recausal.engine.report.PolicyReport;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Simulate a recommendation policy against the current one through the fitted causal model,"
                + " over the logged (user, item) pairs: exposure, the outcomes, catalogue coverage and concentration"
                + " (with item ids), gaps between user groups, per-recommendation and per-user uplift, each as a"
                + " difference from the current policy with bootstrap intervals; with logged propensities also IPS,"
                + " SNIPS and doubly robust estimates beside the simulation. See docs/policies.md."})
final class PolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputs inputs;

    @Option(names = "--project", paramLabel = "PROJECT",
            description = "The project, as an option (the same as giving PROJECT first). Its log has one row per"
                    + " (user, item) pair the ranking considered.")
    Path projectOption;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "popularity-penalty=L, exposure-cap=C, boost=D:CONDITION, remove-feature=F, swap-model"
                    + " (with --model) or score-rule=EXPRESSION.")
    String policy;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A trained recommender whose scores swap-model serves instead of the logged ones: a model"
                    + " file, or the id of a recommender stored in the project. The log needs user and item ids it"
                    + " knows.")
    String model;

    @Option(names = "--score", defaultValue = "recommender_score", paramLabel = "VARIABLE",
            description = "The served score. Default: ${DEFAULT-VALUE}.")
    String score;

    @Option(names = "--exposure", defaultValue = "exposure", paramLabel = "VARIABLE",
            description = "The binary exposure decision. Default: ${DEFAULT-VALUE}.")
    String exposure;

    @Option(names = "--popularity", defaultValue = "item_popularity", paramLabel = "VARIABLE",
            description = "The item popularity a popularity penalty reads. Default: ${DEFAULT-VALUE}.")
    String popularity;

    @Option(names = "--outcome", paramLabel = "VARIABLE",
            description = "An outcome (repeatable; the first ranks the uplift lists). Default: purchase, click,"
                    + " rating.")
    List<String> outcomes = new ArrayList<>();

    @Option(names = "--group", defaultValue = "user_activity", paramLabel = "VARIABLE",
            description = "Splits users into groups for fairness gaps (levels, or a median split). Default:"
                    + " ${DEFAULT-VALUE}; 'none' for no groups.")
    String group;

    @Option(names = "--user-column", paramLabel = "COLUMN",
            description = "The column of user ids. Default: user_id when the data have it.")
    String userColumn;

    @Option(names = "--item-column", paramLabel = "COLUMN",
            description = "The column of item ids. Default: item_id when the data have it.")
    String itemColumn;

    @Option(names = "--propensity-column", paramLabel = "COLUMN",
            description = "The column of logged exposure probabilities, for off-policy estimates. Default:"
                    + " exposure_propensity when the data have it.")
    String propensityColumn;

    @Option(names = "--draws", defaultValue = "4", paramLabel = "N",
            description = "Simulation draws per logged row. Default: ${DEFAULT-VALUE}.")
    int draws;

    @Option(names = "--bootstrap", defaultValue = "50", paramLabel = "B",
            description = "Bootstrap replicates for the intervals, each refitting the mechanisms (0: none)."
                    + " Default: ${DEFAULT-VALUE}.")
    int replicates;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L", description = "Interval level. Default:"
            + " ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--fit", defaultValue = "auto", paramLabel = "KIND",
            description = "Model kind of the mechanisms: auto (chosen by cross-validation), linear, table or boosted."
                    + " Default: ${DEFAULT-VALUE}.")
    String fit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--save-scenario", paramLabel = "NAME",
            description = "Also keep the policy and its result in the project as the policy scenario NAME (replacing"
                    + " one of that name); the project file is rewritten atomically.")
    String saveScenario;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Rerun the project's policy scenario NAME as it was saved (policy, variables, outcomes,"
                    + " draws, replicates, level, fit, seed), instead of --policy and those options.")
    String scenario;

    @Option(names = "--json", description = "Print the results as JSON (otherwise as a table).")
    boolean json;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "Recommendations and users listed with the largest and smallest uplifts, each way."
                    + " Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the metrics as CSV.")
    Path csv;

    @Option(names = "--uplift-csv", paramLabel = "FILE",
            description = "Also write every logged recommendation's uplift as CSV.")
    Path upliftCsv;

    @Override
    public Integer call() throws IOException, ProjectFileException {
        if (projectOption != null) {
            if (inputs.project != null) {
                throw Arguments.invalid(spec, "give the project once: as PROJECT or with --project");
            }
            inputs.project = projectOption;
        }
        if ((policy == null) == (scenario == null)) {
            throw Arguments.invalid(spec, "give --policy POLICY, or --scenario NAME to rerun a saved one");
        }
        if ((scenario != null || saveScenario != null) && inputs.project == null) {
            throw Arguments.invalid(spec, (scenario != null ? "--scenario" : "--save-scenario")
                    + " needs the PROJECT that keeps the policy scenarios");
        }
        PolicyScenario saved = scenario == null ? null : saved(inputs.project());
        if (saved != null) {
            model = saved.model();
        }
        Policy parsed;
        try {
            parsed = saved != null ? saved.request().policy() : Policy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw Arguments.invalid(spec, "--policy: " + e.getMessage());
        }
        if (parsed instanceof Policy.SwapModel && model == null) {
            throw Arguments.invalid(spec, "--policy swap-model needs --model, the model whose scores to serve");
        }
        Dag dag = inputs.dag();
        ModelData.Source source = inputs.source(dag);
        Table table = source.table();
        PolicyData log = LoggedData.from(table, source.bound(), column(table, userColumn, "user_id"),
                column(table, itemColumn, "item_id"), column(table, propensityColumn, "exposure_propensity"));
        if (parsed instanceof Policy.SwapModel) {
            log = log.withAlternativeScores(AlternativeScores.of(recommender(), log.users(), log.items()));
        }
        RankingSetup setup = new RankingSetup(score, exposure, popularity,
                outcomes.isEmpty() ? RankingSetup.recommenderShop().outcomes() : outcomes,
                group.equalsIgnoreCase("none") ? null : group);
        PolicyRequest request;
        try {
            request = saved != null ? saved.request() : new PolicyRequest(parsed, setup, draws, replicates, level, seed,
                    FitOptions.defaults().withChoice(Arguments.modelChoice(spec, fit)).withSeed(seed));
        } catch (IllegalArgumentException e) {
            throw Arguments.invalid(spec, e.getMessage());
        }
        PolicyResult result = PolicySimulation.run(dag, log, request, ProgressListener.NONE, CancellationToken.none());
        String keepAs = saveScenario != null ? saveScenario : scenario;
        if (keepAs != null) {
            // The result is kept with the fingerprint of the project on disk: the graph and data it was run on.
            Project project = inputs.project();
            project.putPolicyScenario(PolicyScenario.of(keepAs, request, model).withResult(result, project));
            ProjectFiles.save(project, inputs.project);
        }
        if (report != null) {
            try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                PolicyReport.write(result, log, "Policy simulation: " + result.policy(), out);
            }
        }
        if (csv != null) {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                PolicyExports.writeMetricsCsv(result, out);
            }
        }
        if (upliftCsv != null) {
            try (Writer out = Files.newBufferedWriter(upliftCsv, StandardCharsets.UTF_8)) {
                PolicyExports.writeUpliftCsv(result, log, out);
            }
        }
        if (json) {
            Json.print(spec.commandLine().getOut(), PolicyExports.json(result, log, top));
        } else {
            printTable(result);
        }
        return Cli.EXIT_OK;
    }

    private PolicyScenario saved(Project project) {
        List<String> names = project.policyScenarios().stream().map(PolicyScenario::name).toList();
        return project.policyScenario(scenario).orElseThrow(() -> new CommandFailure(inputs.project.getFileName()
                + " has no policy scenario '" + scenario + "' (its policy scenarios: " + (names.isEmpty() ? "none"
                        : String.join(", ", names)) + ")"));
    }

    /** The model file named by --model, or else the project's stored recommender of that id. */
    private StoredModel recommender() throws ProjectFileException {
        Path file = Path.of(model);
        if (Files.isRegularFile(file)) {
            return ModelFile.read(file);
        }
        Project project = inputs.project();
        return (project == null ? java.util.Optional.<StoredRecommender>empty() : project.recommender(model))
                .map(StoredRecommender::model)
                .orElseThrow(() -> new CommandFailure("--model: " + model + " is neither a model file nor a"
                        + " recommender stored in the project"));
    }

    /** The column given, or the default one when the data have it. */
    private static String column(Table table, String given, String usual) {
        return given != null ? given : table.hasColumn(usual) ? usual : null;
    }

    private void printTable(PolicyResult result) {
        var out = spec.commandLine().getOut();
        out.println(result.policy() + ": " + result.definition());
        out.printf(Locale.ROOT, "%-44s %12s %12s %12s  %s%n", "metric", "current", "policy", "change", "interval");
        for (PolicyResult.MetricEffect metric : result.metrics()) {
            out.printf(Locale.ROOT, "%-44s %12.5f %12.5f %+12.5f  [%.5f, %.5f]%n", metric.label(),
                    metric.current().value(), metric.policy().value(), metric.difference().value(),
                    metric.difference().ci().lower(), metric.difference().ci().upper());
        }
        if (result.offPolicy() != null) {
            for (PolicyResult.OffPolicyOutcome outcome : result.offPolicy().outcomes()) {
                out.printf(Locale.ROOT, "%-44s %+12.5f  [%.5f, %.5f]%n", outcome.outcome() + ": simulated change",
                        outcome.simulated().value(), outcome.simulated().ci().lower(), outcome.simulated().ci().upper());
                for (PolicyResult.Estimator e : outcome.estimators()) {
                    out.printf(Locale.ROOT, "%-44s %+12.5f  [%.5f, %.5f]%n", outcome.outcome() + ": " + e.name()
                            + " change", e.difference().value(), e.difference().ci().lower(),
                            e.difference().ci().upper());
                }
            }
        }
        result.notes().forEach(n -> out.println("note: " + n));
    }
}
