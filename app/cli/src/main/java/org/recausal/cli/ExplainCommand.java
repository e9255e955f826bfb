package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.recausal.engine.explain.Attribution;
import org.recausal.engine.explain.Attributions;
import org.recausal.engine.explain.AttentionView;
import org.recausal.engine.explain.Counterfactual;
import org.recausal.engine.explain.ExplainOptions;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.FaithfulnessCheck;
import org.recausal.engine.explain.HistoryItem;
import org.recausal.engine.explain.LoggedHistories;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Why a SASRec model recommends an item to a user: attention per block and head with its rollout,",
            "Shapley attributions of the score to the history, the smallest set of past items whose removal drops",
            "the item out of the top K (verified by re-scoring), faithfulness checks and a summary. See docs/explanations.md."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file (from train sasrec).")
    Path modelFile;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Interaction log to read the user's history from (default: the history saved in the model).")
    Path data;

    @Option(names = "--user", required = true, paramLabel = "U", description = "The user's id.")
    String user;

    @Option(names = "--item", required = true, paramLabel = "I", description = "The recommended item's id.")
    String item;

    @Option(names = "--k", defaultValue = "10", description = "Length of the recommendation list (default 10).")
    int k;

    @Option(names = "--max-removals", defaultValue = "10", paramLabel = "N",
            description = "Largest counterfactual set searched for (default 10).")
    int maxRemovals;

    @Option(names = "--beam", defaultValue = "5", paramLabel = "B", description = "Beam width of the search (default 5).")
    int beam;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampled attributions and random removals (default 1).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--json", description = "Print JSON (the default output is a short report).")
    boolean json;

    @Override
    public Integer call() {
        if (k < 1 || maxRemovals < 1 || beam < 1) {
            throw Arguments.invalid(spec, "--k, --max-removals and --beam must be at least 1");
        }
        StoredModel stored = ModelFile.read(modelFile);
        int workers = threads == null ? Parallel.defaultThreads() : Math.max(1, threads);
        Explainer explainer;
        int skipped = 0;
        if (data == null) {
            explainer = new Explainer(stored, stored.histories(), null, workers);
        } else {
            LoggedHistories logged = LoggedHistories.read(data, stored);
            explainer = new Explainer(stored, logged.histories(), logged.times(), workers);
            skipped = logged.skipped();
        }
        ExplainOptions defaults = ExplainOptions.defaults();
        ExplainOptions options = defaults.withK(k).withSeed(seed).withSearch(maxRemovals, beam, defaults.exhaustiveLimit());
        Explanation e = explainer.explain(user, item, options, CancellationToken.none());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode result = toJson(e);
            if (data != null) {
                result.put("skipped_interactions", skipped);
            }
            Json.print(out, result);
        } else {
            print(out, e);
        }
        return Cli.EXIT_OK;
    }

    static ObjectNode toJson(Explanation e) {
        ObjectNode root = Json.object();
        root.put("user", e.user());
        root.put("item", e.item());
        root.put("model", e.modelKind());
        root.put("k", e.k());
        root.put("score", e.score());
        root.put("rank", e.rank());
        ArrayNode history = root.putArray("history");
        e.history().forEach(h -> history.add(historyItem(h)));
        root.set("attention", attention(e.attention()));
        Attributions a = e.attributions();
        ArrayNode values = root.putArray("attributions");
        for (Attribution x : a.values()) {
            values.addObject().put("name", x.name()).put("kind", x.kind().name().toLowerCase(Locale.ROOT))
                    .put("position", x.position()).put("value", x.value()).put("standard_error", x.standardError());
        }
        ObjectNode method = root.putObject("attribution_method");
        method.put("method", a.method());
        method.put("permutations", a.permutations());
        method.put("evaluations", a.evaluations());
        method.put("full_score", a.fullScore());
        method.put("baseline_score", a.baselineScore());
        method.put("efficiency_gap", a.efficiencyGap());
        root.set("counterfactual", counterfactual(e.counterfactual()));
        root.put("summary", e.summary());
        ObjectNode faithfulness = root.putObject("faithfulness");
        faithfulness.put("seed", e.faithfulness().seed());
        ArrayNode checks = faithfulness.putArray("checks");
        for (FaithfulnessCheck f : e.faithfulness().checks()) {
            checks.addObject().put("ranking", f.ranking()).put("removed", f.removed()).put("drop", f.drop())
                    .put("random_mean", f.randomMean()).put("random_sd", f.randomSd()).put("draws", f.draws())
                    .put("beats_random", f.beatsRandom());
        }
        return root;
    }

    private static ObjectNode historyItem(HistoryItem h) {
        ObjectNode node = Json.object().put("position", h.position()).put("item", h.item());
        if (h.hasTime()) {
            node.put("time", h.time());
        }
        return node;
    }

    private static ObjectNode attention(AttentionView view) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("history");
        ArrayNode positions = node.putArray("positions");
        view.window().forEach(h -> {
            items.add(h.item());
            positions.add(h.position());
        });
        ArrayNode layers = node.putArray("layers");
        for (double[][] block : view.lastRows()) {
            ArrayNode heads = layers.addArray();
            for (double[] row : block) {
                ArrayNode weights = heads.addArray();
                for (double w : row) {
                    weights.add(w);
                }
            }
        }
        ArrayNode rollout = node.putArray("rollout");
        for (double w : view.rollout()) {
            rollout.add(w);
        }
        return node;
    }

    private static ObjectNode counterfactual(Counterfactual c) {
        ObjectNode node = Json.object().put("found", c.found());
        if (c.found()) {
            ArrayNode removed = node.putArray("removed");
            ArrayNode positions = node.putArray("removed_positions");
            c.removed().forEach(h -> {
                removed.add(h.item());
                positions.add(h.position());
            });
            node.put("original_rank", c.originalRank());
            node.put("new_rank", c.newRank());
            node.put("new_score", c.newScore());
            node.put("verified", c.verified());
        } else {
            node.put("reason", c.reason());
            node.put("original_rank", c.originalRank());
        }
        node.put("search", c.search());
        node.put("evaluated", c.evaluated());
        return node;
    }

    private static void print(PrintWriter out, Explanation e) {
        out.println(e.summary());
        out.println();
        out.printf("%-6s %-20s %10s %10s %9s%n", "pos", "item", "shapley", "+/-", "rollout");
        AttentionView view = e.attention();
        for (int p = 0; p < view.window().size(); p++) {
            Attribution a = e.attributions().values().get(p);
            out.printf("%-6d %-20s %10.4f %10.4f %9.3f%n", a.position(), a.name(), a.value(), a.standardError(),
                    view.rollout()[p]);
        }
        out.printf("%nattributions: %s, sum %.4f = score %.4f - baseline %.4f%n", e.attributions().method(),
                e.attributions().values().stream().mapToDouble(Attribution::value).sum(), e.attributions().fullScore(),
                e.attributions().baselineScore());
        for (FaithfulnessCheck f : e.faithfulness().checks()) {
            out.printf("remove top %d by %-11s drop %.4f   random %.4f +/- %.4f (%d draws)%n", f.removed(), f.ranking(),
                    f.drop(), f.randomMean(), f.randomSd(), f.draws());
        }
    }
}
