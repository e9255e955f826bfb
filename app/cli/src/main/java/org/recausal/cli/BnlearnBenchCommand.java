package org.recausal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.estimate.Distances;
import org.recausal.engine.io.BifFormat;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.BayesNetWorld;
import org.recausal.engine.simulate.ExactInference;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "bnlearn", mixinStandardHelpOptions = true,
        description = {"Check simulated interventions against exact ones on bnlearn networks (BIF files): sample"
                + " data from each network, fit a model to it, and compare P(Y | do(X = x)) simulated from the model"
                + " with the exact value by variable elimination on the network's own tables, for the variables"
                + " with the most descendants, each of their first two states and every descendant. Prints the"
                + " total variation distances (0: identical, 1: disjoint) next to those of the network's own"
                + " simulation, the Monte Carlo floor."})
final class BnlearnBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FitSettings settings;

    @Parameters(paramLabel = "NETWORK", arity = "0..*", description = "Network names, files NAME.bif in --dir."
            + " Default: asia sachs alarm.")
    List<String> networks = new ArrayList<>(List.of("asia", "sachs", "alarm"));

    @Option(names = "--dir", paramLabel = "FOLDER", defaultValue = "../shared/datasets/bnlearn-networks",
            description = "Where the BIF files are. Default: ${DEFAULT-VALUE}.")
    Path folder;

    @Option(names = "--rows", defaultValue = "50000", description = "Rows sampled to fit to. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--samples", defaultValue = "100000",
            description = "Samples per intervention. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--interventions", defaultValue = "5",
            description = "Variables intervened on per network. Default: ${DEFAULT-VALUE}.")
    int interventions;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, DiscreteBayesNet> nets = new java.util.LinkedHashMap<>();
        for (String name : networks) {
            nets.put(name, read(folder.resolve(name + ".bif")));
        }
        ArrayNode results = Json.array();
        if (!json) {
            out.printf(Locale.ROOT, "%-8s %5s %8s %8s %10s %10s %10s %8s%n", "network", "vars", "queries", "fit s",
                    "mean TV", "max TV", "floor TV", "model");
        }
        for (Map.Entry<String, DiscreteBayesNet> entry : nets.entrySet()) {
            String name = entry.getKey();
            DiscreteBayesNet net = entry.getValue();
            StructuralCausalModel truth = BayesNetWorld.model(net);
            Observations data = truth.sample(rows, settings.seed);
            long started = System.nanoTime();
            FittedScm fitted = ScmFitter.fit(BayesNetWorld.dag(net), data, settings.options(), ProgressListener.NONE,
                    CancellationToken.none());
            double fitSeconds = (System.nanoTime() - started) / 1e9;
            double sum = 0;
            double max = 0;
            double floor = 0;
            int queries = 0;
            for (String treated : mostDescendants(truth, interventions)) {
                for (String state : net.states(treated).subList(0, Math.min(2, net.states(treated).size()))) {
                    List<Intervention> action = List.of(new Intervention.SetValue(treated, state));
                    Observations simulated = fitted.model().sample(action, samples, settings.seed + 1);
                    Observations reference = truth.sample(action, samples, settings.seed + 1);
                    for (String target : truth.descendantsOf(List.of(treated))) {
                        if (target.equals(treated)) {
                            continue;
                        }
                        double[] exact = ExactInference.interventional(net, Map.of(treated, state), target);
                        double distance = Distances.totalVariation(frequencies(simulated, target, exact.length), exact);
                        sum += distance;
                        max = Math.max(max, distance);
                        floor = Math.max(floor,
                                Distances.totalVariation(frequencies(reference, target, exact.length), exact));
                        queries++;
                    }
                }
            }
            String models = fitted.fits().stream().map(f -> f.family() == null ? "marginal" : f.family().id())
                    .distinct().sorted().reduce((a, b) -> a + "+" + b).orElse("");
            if (json) {
                ObjectNode result = results.addObject();
                result.put("network", name).put("variables", net.names().size()).put("rows", rows);
                result.put("queries", queries).put("fit_seconds", fitSeconds);
                result.put("mean_tv", queries == 0 ? 0 : sum / queries).put("max_tv", max).put("floor_max_tv", floor);
                result.put("models", models);
            } else {
                out.printf(Locale.ROOT, "%-8s %5d %8d %8.2f %10.4f %10.4f %10.4f %8s%n", name, net.names().size(),
                        queries, fitSeconds, queries == 0 ? 0 : sum / queries, max, floor, models);
            }
        }
        if (json) {
            Json.print(out, results);
        } else {
            out.printf(Locale.ROOT, "%,d rows fitted per network, %,d samples per intervention, seed %d%n", rows,
                    samples, settings.seed);
        }
        return Cli.EXIT_OK;
    }

    private static DiscreteBayesNet read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScmException("cannot read " + file + " (" + e.getClass().getSimpleName() + "); give the folder"
                    + " of the bnlearn BIF files with --dir", e);
        }
        return new BifFormat().read(text).bayesNet()
                .orElseThrow(() -> new ScmException(file + " holds no probability tables"));
    }

    private static List<String> mostDescendants(StructuralCausalModel model, int count) {
        return model.names().stream()
                .sorted(Comparator.comparingInt((String n) -> -model.descendantsOf(List.of(n)).size())
                        .thenComparing(model.names()::indexOf))
                .limit(count).filter(n -> model.descendantsOf(List.of(n)).size() > 1).toList();
    }

    private static double[] frequencies(Observations sample, String name, int levels) {
        double[] shares = new double[levels];
        for (double v : sample.column(name)) {
            shares[(int) v]++;
        }
        for (int k = 0; k < levels; k++) {
            shares[k] /= sample.rows();
        }
        return shares;
    }
}
