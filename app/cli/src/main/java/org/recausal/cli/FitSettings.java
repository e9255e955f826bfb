package org.recausal.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.recausal.engine.scm.FitOptions;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How mechanisms are fitted (a picocli mixin shared by the commands that fit a model). */
final class FitSettings {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "auto",
            description = "Model kind for every mechanism: auto (chosen by cross-validation), linear, table or"
                    + " boosted. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--node-model", paramLabel = "NODE=KIND", description = "Model kind for one node (repeatable).")
    Map<String, String> nodeModels = new LinkedHashMap<>();

    @Option(names = "--noise", paramLabel = "KIND", defaultValue = "empirical",
            description = "Noise of numeric mechanisms: empirical (resampled residuals) or gaussian."
                    + " Default: ${DEFAULT-VALUE}.")
    String noise;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of every random choice; the same seed gives the same numbers. Default: ${DEFAULT-VALUE}.")
    long seed;

    /**
     * Whether the command line asks for mechanisms other than {@code stored}'s: a {@code --model},
     * {@code --node-model} or {@code --noise} given that differs from it (the seed also seeds what runs on the model,
     * so it does not count).
     */
    boolean differsFrom(FitOptions stored) {
        FitOptions asked = options();
        var parsed = spec.commandLine().getParseResult();
        return parsed.hasMatchedOption("--model") && asked.choice() != stored.choice()
                || parsed.hasMatchedOption("--node-model") && !asked.perNode().equals(stored.perNode())
                || parsed.hasMatchedOption("--noise") && asked.noise() != stored.noise();
    }

    FitOptions options() {
        FitOptions options = FitOptions.defaults().withChoice(Arguments.modelChoice(spec, model)).withSeed(seed)
                .withNoise(Arguments.noise(spec, noise));
        for (Map.Entry<String, String> entry : nodeModels.entrySet()) {
            options = options.withChoice(entry.getKey(), Arguments.modelChoice(spec, entry.getValue()));
        }
        return options;
    }
}
