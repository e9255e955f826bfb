package org.recausal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.io.JsonFormat;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.RecommenderWorld;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "recommender", mixinStandardHelpOptions = true,
        description = {"Simulate the sample project's recommender shop (one row per user-item pair the ranking"
                + " considered) and write the observed variables as CSV; print the true effects of exposure as JSON:"
                + " {\"rows\", \"seed\", \"true_effects\": [{\"treatment\", \"outcome\", \"effect\","
                + " \"standard_error\"}]}."})
final class GenerateRecommenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "100000", description = "Rows. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Option(names = "--graph-output", paramLabel = "FILE",
            description = "Also write the model's graph (Recausal JSON graph format).")
    Path graphOutput;

    @Option(names = "--with-latent", description = "Also write the latent variables (user_preference, item_quality).")
    boolean withLatent;

    @Override
    public Integer call() throws Exception {
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
}
