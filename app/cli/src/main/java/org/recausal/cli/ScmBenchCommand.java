package org.recausal.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
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
import org.recausal.engine.scm.ScmException;
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
        Timer timer = new Timer();
        Observations data = truth.sample(rows, seed);
        double[] generate = timer.lap();

        FittedScm fitted = ScmFitter.fit(world.dag(), data, FitOptions.defaults().withChoice(ModelChoice.LINEAR)
                .withSeed(seed), ProgressListener.NONE, CancellationToken.none());
        double[] fit = timer.lap();

        String[] question = treatmentAndOutcome(truth);
        List<Intervention> treat = List.of(Intervention.parse(question[0] + "=1"));
        Observations drawn = fitted.model().sample(treat, samples, seed + 2);
        double[] sampling = timer.lap();

        Observations small = truth.sample(aipwRows, seed + 3);
        Identification identified = Identification.of(world.dag(), question[0], question[1], null);
        timer.lap();
        EffectEstimate estimate = new AdjustmentEstimator(small, question[0], question[1], identified.adjustmentSet(),
                AdjustmentEstimator.Settings.of(EstimationMethod.AIPW).withBootstrap(replicates).withSeed(seed))
                .estimate(ProgressListener.NONE, CancellationToken.none());
        double[] bootstrap = timer.lap();
        double truthValue = truth.sample(treat, 1_000_000, seed + 4).mean(question[1])
                - truth.sample(List.of(Intervention.parse(question[0] + "=0")), 1_000_000, seed + 4).mean(question[1]);

        PrintWriter out = spec.commandLine().getOut();
        int processors = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (json) {
            var root = Json.object();
            root.put("rows", rows).put("variables", variables).put("edges", edges).put("processors", processors);
            root.put("load_average", load);
            root.put("generate_seconds", generate[0]).put("fit_seconds", fit[0]).put("fit_cpu_seconds", fit[1]);
            root.put("samples", drawn.rows()).put("sampling_seconds", sampling[0])
                    .put("sampling_cpu_seconds", sampling[1]);
            root.put("aipw_rows", aipwRows).put("replicates", replicates).put("bootstrap_seconds", bootstrap[0])
                    .put("bootstrap_cpu_seconds", bootstrap[1]);
            root.put("treatment", question[0]).put("outcome", question[1]);
            root.put("aipw_estimate", estimate.estimate()).put("true_effect", truthValue);
            Json.interval(root, "aipw_ci", estimate.ci());
            Json.print(out, root);
        } else {
            out.printf(Locale.ROOT, "Random SCM: %d variables (numeric, binary, categorical), %d edges, seed %d;"
                    + " %d processors, load average %.1f%n", variables, edges, seed, processors, load);
            out.printf(Locale.ROOT, "  %-44s %8s %8s%n", "", "wall s", "cpu s");
            out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f%n", String.format(Locale.ROOT, "generate %,d rows", rows),
                    generate[0], generate[1]);
            out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f   goal < 10 s%n", "fit linear/logistic/multinomial", fit[0],
                    fit[1]);
            out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f   goal < 1 s%n", String.format(Locale.ROOT,
                    "%,d samples under do(%s=1)", drawn.rows(), question[0]), sampling[0], sampling[1]);
            out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f   goal < 30 s%n", String.format(Locale.ROOT,
                    "AIPW, %d bootstrap replicates on %,d rows", replicates, aipwRows), bootstrap[0], bootstrap[1]);
            out.printf(Locale.ROOT, "  effect of %s on %s: AIPW %.4f [%.4f, %.4f], true %.4f%n", question[0],
                    question[1], estimate.estimate(), estimate.ci().lower(), estimate.ci().upper(), truthValue);
        }
        return Cli.EXIT_OK;
    }

    /** The first binary variable with a numeric descendant, and its last numeric descendant. */
    private static String[] treatmentAndOutcome(StructuralCausalModel model) {
        for (StructuralCausalModel.Node node : model.nodes()) {
            if (node.scale().kind() != Scale.Kind.BINARY) {
                continue;
            }
            List<String> numeric = model.descendantsOf(List.of(node.name())).stream()
                    .filter(d -> !d.equals(node.name()) && model.scale(d).isNumeric()).toList();
            if (!numeric.isEmpty()) {
                return new String[] {node.name(), numeric.getLast()};
            }
        }
        throw new ScmException("the random model has no binary variable with a numeric descendant; try another"
                + " --seed or more --edges");
    }

    /** Wall-clock and process CPU seconds since the last lap: the CPU time shows the work when others share the machine. */
    private static final class Timer {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long wall = System.nanoTime();
        private long cpu = os.getProcessCpuTime();

        double[] lap() {
            long nowWall = System.nanoTime();
            long nowCpu = os.getProcessCpuTime();
            double[] lap = {(nowWall - wall) / 1e9, (nowCpu - cpu) / 1e9};
            wall = nowWall;
            cpu = nowCpu;
            return lap;
        }
    }
}
