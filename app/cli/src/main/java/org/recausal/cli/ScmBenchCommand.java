package org.recausal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.RandomScms;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scm", mixinStandardHelpOptions = true,
        description = {"Time the structural-model engine on a seeded random model of 20 mixed-type variables"
                + " (numeric, binary, 3-level categorical): fitting linear/logistic/multinomial mechanisms to"
                + " 1,000,000 rows, drawing 1,000,000 interventional samples, and AIPW with 200 bootstrap replicates"
                + " on 100,000 rows. Goals: fit < 10 s, sampling < 1 s, bootstrap < 30 s."})
final class ScmBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows to fit to. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--variables", defaultValue = "20", description = "Variables. Default: ${DEFAULT-VALUE}.")
    int variables;

    @Option(names = "--edges", defaultValue = "30", description = "Edges. Default: ${DEFAULT-VALUE}.")
    int edges;

    @Option(names = "--samples", defaultValue = "1000000",
            description = "Interventional samples. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--aipw-rows", defaultValue = "100000", description = "Rows for AIPW. Default: ${DEFAULT-VALUE}.")
    int aipwRows;

    @Option(names = "--bootstrap", defaultValue = "200", description = "AIPW replicates. Default: ${DEFAULT-VALUE}.")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        RandomScms.Generated world = RandomScms.mixed(variables, edges, seed);
        StructuralCausalModel truth = world.model();
        long t0 = System.nanoTime();
        Observations data = truth.sample(rows, seed);
        double generate = seconds(t0);

        long t1 = System.nanoTime();
        FittedScm fitted = ScmFitter.fit(world.dag(), data, FitOptions.defaults().withChoice(ModelChoice.LINEAR)
                .withSeed(seed), ProgressListener.NONE, CancellationToken.none());
        double fit = seconds(t1);

        String[] question = treatmentAndOutcome(truth);
        List<Intervention> treat = List.of(Intervention.parse(question[0] + "=1"));
        fitted.model().sample(treat, Math.min(samples, 100_000), seed + 1);
        long t2 = System.nanoTime();
        Observations drawn = fitted.model().sample(treat, samples, seed + 2);
        double sampling = seconds(t2);

        Observations small = truth.sample(aipwRows, seed + 3);
        Identification identified = Identification.of(world.dag(), question[0], question[1], null);
        long t3 = System.nanoTime();
        EffectEstimate estimate = new AdjustmentEstimator(small, question[0], question[1], identified.adjustmentSet(),
                AdjustmentEstimator.Settings.of(EstimationMethod.AIPW).withBootstrap(replicates).withSeed(seed))
                .estimate(ProgressListener.NONE, CancellationToken.none());
        double bootstrap = seconds(t3);
        double truthValue = truth.sample(treat, 1_000_000, seed + 4).mean(question[1])
                - truth.sample(List.of(Intervention.parse(question[0] + "=0")), 1_000_000, seed + 4).mean(question[1]);

        PrintWriter out = spec.commandLine().getOut();
        int processors = Runtime.getRuntime().availableProcessors();
        if (json) {
            var root = Json.object();
            root.put("rows", rows).put("variables", variables).put("edges", edges).put("processors", processors);
            root.put("generate_seconds", generate).put("fit_seconds", fit);
            root.put("samples", drawn.rows()).put("sampling_seconds", sampling);
            root.put("aipw_rows", aipwRows).put("replicates", replicates).put("bootstrap_seconds", bootstrap);
            root.put("treatment", question[0]).put("outcome", question[1]);
            root.put("aipw_estimate", estimate.estimate()).put("true_effect", truthValue);
            Json.interval(root, "aipw_ci", estimate.ci());
            Json.print(out, root);
        } else {
            out.printf(Locale.ROOT, "Random SCM: %d variables (numeric, binary, categorical), %d edges, seed %d;"
                    + " %d processors%n", variables, edges, seed, processors);
            out.printf(Locale.ROOT, "  generate %,d rows          %8.2f s%n", rows, generate);
            out.printf(Locale.ROOT, "  fit linear/logistic       %8.2f s   (goal < 10 s)%n", fit);
            out.printf(Locale.ROOT, "  %,d samples do(%s=1) %8.2f s   (goal < 1 s)%n", drawn.rows(), question[0],
                    sampling);
            out.printf(Locale.ROOT, "  AIPW, %d bootstrap on %,d rows %6.2f s   (goal < 30 s)%n", replicates,
                    aipwRows, bootstrap);
            out.printf(Locale.ROOT, "  effect of %s on %s: AIPW %.4f [%.4f, %.4f], true %.4f%n", question[0],
                    question[1], estimate.estimate(), estimate.ci().lower(), estimate.ci().upper(), truthValue);
        }
        return Cli.EXIT_OK;
    }

    /** The first binary variable with a numeric descendant two or more steps down, and that descendant. */
    private static String[] treatmentAndOutcome(StructuralCausalModel model) {
        String fallback = null;
        for (StructuralCausalModel.Node node : model.nodes()) {
            if (node.scale().kind() != Scale.Kind.BINARY) {
                continue;
            }
            List<String> numeric = model.descendantsOf(List.of(node.name())).stream()
                    .filter(d -> !d.equals(node.name()) && model.scale(d).isNumeric()).toList();
            if (!numeric.isEmpty()) {
                return new String[] {node.name(), numeric.getLast()};
            }
            fallback = fallback == null ? node.name() : fallback;
        }
        throw new IllegalStateException("the random model has no binary variable with a numeric descendant"
                + (fallback == null ? "" : " (" + fallback + " has none)"));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
