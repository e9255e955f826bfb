package org.recausal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.io.JsonFormat;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.RecommenderLog;
import org.recausal.engine.simulate.RecommenderShop;
import org.recausal.engine.simulate.RecommenderWorld;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "recommender", mixinStandardHelpOptions = true,
        description = {"Simulate the sample project's recommender shop. With --output: one row per user-item pair the"
                + " ranking considered, each drawn afresh, written as CSV, and the true effects of exposure printed as"
                + " JSON: {\"rows\", \"seed\", \"true_effects\": [{\"treatment\", \"outcome\", \"effect\","
                + " \"standard_error\"}]}. With --project: a shop of --users users and --items items whose log"
                + " (their sessions, 10 candidates each) is embedded in a new project with the graph and notes giving"
                + " the true effects on it, printed as JSON too: {\"project\", \"users\", \"items\", \"rows\","
                + " \"true_effects\": [{\"question\", \"intervention\", \"baseline\", \"outcome\", \"effect\","
                + " \"standard_error\"}]}."})
final class GenerateRecommenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "100000", description = "Rows (with --output). Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output", paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Option(names = "--graph-output", paramLabel = "FILE",
            description = "Also write the model's graph (Recausal JSON graph format).")
    Path graphOutput;

    @Option(names = "--with-latent", description = "Also write the latent variables (user_preference, item_quality).")
    boolean withLatent;

    @Option(names = "--project", paramLabel = "FILE", description = "The project file (.recausal) to write.")
    Path project;

    @Option(names = "--users", defaultValue = "2000",
            description = "Users (with --project). Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--items", defaultValue = "500", description = "Items (with --project). Default: ${DEFAULT-VALUE}.")
    int items;

    @Option(names = "--replicates", defaultValue = "20",
            description = "Draws of the per-row noise each true effect on the log averages over (with --project)."
                    + " Default: ${DEFAULT-VALUE}.")
    int replicates;

    @Override
    public Integer call() throws Exception {
        if ((output == null) == (project == null)) {
            throw Arguments.invalid(spec, "give --output FILE (independent rows) or --project FILE (a shop's log)");
        }
        return project != null ? writeProject() : writeRows();
    }

    private Integer writeRows() throws IOException {
        if (rows < 1) {
            throw Arguments.invalid(spec, "--rows must be at least 1, not " + rows);
        }
        Observations data = withLatent ? RecommenderWorld.model().sample(rows, seed)
                : RecommenderWorld.observedData(rows, seed);
        data.writeCsv(output);
        if (graphOutput != null) {
            Files.writeString(graphOutput, new JsonFormat().write(RecommenderWorld.dag()), StandardCharsets.UTF_8);
        }
        ObjectNode root = Json.object();
        root.put("rows", rows).put("seed", seed).put("file", output.toString());
        var effects = root.putArray("true_effects");
        for (String outcome : List.of("click", "purchase")) {
            RecommenderWorld.TrueEffect truth = RecommenderWorld.trueEffect(outcome,
                    List.of(Intervention.parse("exposure=1")), List.of(Intervention.parse("exposure=0")), 2_000_000,
                    seed);
            ObjectNode effect = effects.addObject();
            effect.put("treatment", "exposure").put("outcome", outcome);
            effect.put("definition", "P(" + outcome + "=1 | do(exposure=1)) - P(" + outcome + "=1 | do(exposure=0))");
            effect.put("effect", truth.effect()).put("standard_error", truth.standardError());
        }
        Json.print(spec.commandLine().getOut(), root);
        return Cli.EXIT_OK;
    }

    private Integer writeProject() throws IOException, ProjectFileException {
        if (replicates < 1) {
            throw Arguments.invalid(spec, "--replicates must be at least 1, not " + replicates);
        }
        RecommenderLog.Settings settings;
        try {
            settings = new RecommenderLog.Settings(users, items, 30, 10, seed);
        } catch (IllegalArgumentException e) {
            throw Arguments.invalid(spec, "--users and --items: " + e.getMessage());
        }
        RecommenderLog log = RecommenderLog.generate(settings);
        List<RecommenderLog.KnownEffect> knownEffects = log.knownEffects(replicates);
        Path folder = Files.createTempDirectory("recausal-shop");
        try {
            ProjectFiles.save(RecommenderShop.project(log, replicates, knownEffects, folder), project);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
        ObjectNode root = Json.object();
        root.put("project", project.toString()).put("users", users).put("items", items).put("rows", log.rows())
                .put("seed", seed).put("replicates", replicates);
        var effects = root.putArray("true_effects");
        for (RecommenderLog.KnownEffect known : knownEffects) {
            ObjectNode effect = effects.addObject();
            effect.put("question", known.question());
            Json.strings(effect, "intervention", known.treated().stream().map(Intervention::text).toList());
            Json.strings(effect, "baseline", known.control().stream().map(Intervention::text).toList());
            effect.put("outcome", known.outcome());
            effect.put("effect", known.truth().effect()).put("standard_error", known.truth().standardError());
        }
        Json.print(spec.commandLine().getOut(), root);
        return Cli.EXIT_OK;
    }
}
