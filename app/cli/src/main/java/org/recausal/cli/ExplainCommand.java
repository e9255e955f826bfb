package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recausal.engine.explain.AttentionAggregate;
import org.recausal.engine.explain.AttentionView;
import org.recausal.engine.explain.Attribution;
import org.recausal.engine.explain.CategoryAttention;
import org.recausal.engine.explain.ExplainOptions;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.ExplanationJson;
import org.recausal.engine.explain.FaithfulnessCheck;
import org.recausal.engine.explain.ItemAttention;
import org.recausal.engine.explain.ItemCategories;
import org.recausal.engine.explain.LoggedHistories;
import org.recausal.engine.explain.ProjectHistories;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.Parallel;
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
            "the item out of the top K (verified by re-scoring), faithfulness checks and a summary. With --aggregate,",
            "attention over many users instead: item-to-item and, with --categories, category-to-category.",
            "The model is a file, or a recommender saved in a project (--project PROJECT --model ID-or-NAME).",
            "See docs/explanations.md."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "PROJECT",
            description = "A project (.recausal) whose recommender --model names.")
    Path project;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A model file (from train sasrec), or with --project the id or name of one of its recommenders.")
    String model;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Interaction log to read the user's history from (default: the history saved in the model).")
    Path data;

    @Option(names = "--user", paramLabel = "U", description = "The user's id.")
    String user;

    @Option(names = "--item", paramLabel = "I", description = "The recommended item's id.")
    String item;

    @Option(names = "--aggregate", paramLabel = "N",
            description = "Instead of one explanation: attention over N users (a seeded sample when there are more).")
    Integer aggregate;

    @Option(names = "--categories", paramLabel = "FILE",
            description = "With --aggregate: a file of 'item,category' lines for category-to-category attention.")
    Path categories;

    @Option(names = "--category-column", paramLabel = "COLUMN",
            description = "With --aggregate and a project recommender trained on a project dataset: the item trait"
                    + " (a categorical column of the dataset or of a dataset joined to it, e.g. item_category) giving"
                    + " the categories.")
    String categoryColumn;

    @Option(names = "--pairs", defaultValue = "20", paramLabel = "P",
            description = "With --aggregate: item pairs to list (default 20), each seen at least --min-count times.")
    int pairs;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "C",
            description = "With --aggregate: occurrences an item pair needs to be listed (default 5).")
    int minCount;

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
    public Integer call() throws ProjectFileException {
        if (k < 1 || maxRemovals < 1 || beam < 1) {
            throw Arguments.invalid(spec, "--k, --max-removals and --beam must be at least 1");
        }
        if (aggregate == null ? user == null || item == null : user != null || item != null) {
            throw Arguments.invalid(spec, "give --user and --item for one explanation, or --aggregate N for attention over users");
        }
        if (aggregate != null && (aggregate < 1 || pairs < 1 || minCount < 1)) {
            throw Arguments.invalid(spec, "--aggregate, --pairs and --min-count must be at least 1");
        }
        if (categories != null && categoryColumn != null) {
            throw Arguments.invalid(spec, "give --categories FILE or --category-column COLUMN, not both");
        }
        if (categoryColumn != null && aggregate == null) {
            throw Arguments.invalid(spec, "--category-column goes with --aggregate");
        }
        ChosenModel chosen = ChosenModel.of(project, model);
        StoredModel stored = chosen.model();
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
        if (aggregate != null) {
            AttentionAggregate result = explainer.aggregator().aggregate(aggregate, categories(chosen), pairs, minCount,
                    seed, CancellationToken.none());
            ObjectNode node = toJson(result);
            chosen.describe(node);
            Json.print(spec.commandLine().getOut(), node);
            return Cli.EXIT_OK;
        }
        ExplainOptions defaults = ExplainOptions.defaults();
        ExplainOptions options = defaults.withK(k).withSeed(seed).withSearch(maxRemovals, beam, defaults.exhaustiveLimit());
        Explanation e = explainer.explain(user, item, options, CancellationToken.none());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode result = ExplanationJson.toJson(e);
            chosen.describe(result);
            if (data != null) {
                result.put("skipped_interactions", skipped);
            }
            Json.print(out, result);
        } else {
            print(out, e);
        }
        return Cli.EXIT_OK;
    }

    /** Item categories from --categories, or from the project data through --category-column; null for none. */
    private Map<String, String> categories(ChosenModel chosen) {
        if (categories != null) {
            return ItemCategories.read(categories);
        }
        if (categoryColumn == null) {
            return null;
        }
        if (chosen.recommender() == null || chosen.recommender().trainedOn() == null) {
            throw new CommandFailure("--category-column needs a recommender of --project trained on one of its datasets");
        }
        ProjectHistories data = ProjectHistories.load(chosen.project(), chosen.recommender(), CancellationToken.none())
                .orElseThrow(() -> new CommandFailure("recommender '" + chosen.recommender().id() + "' was trained on"
                        + " dataset '" + chosen.recommender().trainedOn().dataset() + "', which changed since or is no"
                        + " longer in the project"));
        try {
            return data.catalogue(categoryColumn).categories();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("dataset '" + chosen.recommender().trainedOn().dataset() + "': "
                    + e.getMessage());
        }
    }

    static ObjectNode toJson(AttentionAggregate aggregate) {
        ObjectNode root = Json.object();
        root.put("users", aggregate.users());
        root.put("min_count", aggregate.minCount());
        ArrayNode list = root.putArray("pairs");
        for (ItemAttention p : aggregate.topPairs()) {
            list.addObject().put("from", p.from()).put("to", p.to()).put("mean_weight", p.meanWeight()).put("count", p.count());
        }
        CategoryAttention c = aggregate.categories();
        if (c != null) {
            ObjectNode node = root.putObject("categories");
            Json.strings(node, "names", c.categories());
            ArrayNode shares = node.putArray("shares");
            for (double[] row : c.shares()) {
                ArrayNode r = shares.addArray();
                for (double x : row) {
                    r.add(x);
                }
            }
        }
        return root;
    }

    private static void print(PrintWriter out, Explanation e) {
        out.println(e.summary());
        out.println();
        out.printf("%-6s %-20s %10s %10s %9s%n", "pos", "item", "shapley", "+/-", "rollout");
        AttentionView view = e.attention();
        for (int p = 0; p < view.window().size(); p++) {
            Attribution a = e.attributions().historyItems().get(p);
            out.printf("%-6d %-20s %10.4f %10.4f %9.3f%n", a.position(), a.name(), a.value(), a.standardError(),
                    view.rollout()[p]);
        }
        for (Attribution a : e.attributions().variables()) {
            out.printf("%-6s %-20s %10.4f %10s   %s%n", a.owner(), a.name(), a.value(), "exact",
                    a.observed() == null ? "(missing)" : "= " + a.observed());
        }
        out.printf("%nattributions: %s%s, sum %.4f = score %.4f - baseline %.4f%n", e.attributions().method(),
                e.attributions().variables().isEmpty() ? "" : ", variables " + e.attributions().variableMethod(),
                e.attributions().values().stream().mapToDouble(Attribution::value).sum(), e.attributions().fullScore(),
                e.attributions().baselineScore());
        for (FaithfulnessCheck f : e.faithfulness().checks()) {
            out.printf("remove top %d by %-11s drop %.4f   random %.4f +/- %.4f (%d draws)%n", f.removed(), f.ranking(),
                    f.drop(), f.randomMean(), f.randomSd(), f.draws());
        }
    }
}
