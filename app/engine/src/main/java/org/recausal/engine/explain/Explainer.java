package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.AttentionMap;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.task.CancellationToken;

/**
 * Explains a trained SASRec's recommendations: for a user and an item, the attention behind the score, Shapley
 * attributions over the history items the model reads (and over the user's and item's trait variables when the model
 * reads side features), the smallest counterfactual removal set, faithfulness checks and a summary
 * ({@link #explain}); and attention aggregated over users ({@link AttentionAggregator}).
 * Every number comes from re-scoring the model on edited histories; nothing is approximated by a surrogate.
 * Thread-safe: one explainer can serve several explanations at once.
 */
public final class Explainer {
    private final StoredModel stored;
    private final SasRecModel model;
    private final int[][] histories;
    private final long[][] times;
    private final BatchRunner runner;

    /** Explains with the histories saved in the model file (no times). */
    public Explainer(StoredModel stored) {
        this(stored, stored.histories(), null, Parallel.defaultThreads());
    }

    /**
     * @param histories each user's items (model indices), oldest first, e.g. read afresh from the data
     * @param times     the interactions' times, aligned with {@code histories}, or null when unknown
     * @param threads   worker threads for batched re-scoring (results do not depend on it)
     */
    public Explainer(StoredModel stored, int[][] histories, long[][] times, int threads) {
        if (!(stored.model() instanceof SasRecModel s)) {
            throw new RecsysException("explanations need a SASRec model: the user vector of this " + stored.kind()
                    + " model does not depend on the user's history, so there is no history to attribute to");
        }
        if (histories.length != stored.users().size() || times != null && times.length != histories.length) {
            throw new IllegalArgumentException("one history (and one time list) per user of the model is needed");
        }
        this.stored = stored;
        this.model = s;
        this.histories = histories;
        this.times = times;
        this.runner = new BatchRunner(threads);
    }

    public StoredModel stored() {
        return stored;
    }

    /** The user's whole history, oldest first. */
    public List<HistoryItem> history(String user) {
        int u = userIndex(user);
        List<HistoryItem> list = new ArrayList<>();
        for (int p = 0; p < histories[u].length; p++) {
            list.add(new HistoryItem(p, stored.items().id(histories[u][p]), times == null ? HistoryItem.UNKNOWN_TIME : times[u][p]));
        }
        return list;
    }

    /** Why the model ranks {@code item} where it does for {@code user}; cancellable between its stages. */
    public Explanation explain(String user, String item, ExplainOptions options, CancellationToken cancel) {
        int u = userIndex(user);
        int target = stored.items().indexOf(item);
        if (target < 0) {
            throw new RecsysException("the model knows no item '" + item + "'");
        }
        int[] history = histories[u];
        List<HistoryItem> all = history(user);
        int windowLength = Math.min(history.length, model.config().maxLength());
        HistoryScorer scorer = new HistoryScorer(model, u, history, windowLength, target, runner);
        HistoryScorer.Ranking now = scorer.rescoreAlone(history, options.k());
        List<HistoryItem> window = all.subList(history.length - windowLength, history.length);

        AttentionMap map = model.attention(history);
        AttentionView attention = new AttentionView(window, lastRows(map), AttentionRollout.lastRow(map), map);
        cancel.throwIfCancelled();

        Attributions attributions = attributions(scorer, window, u, target, options, cancel);
        cancel.throwIfCancelled();

        CounterfactualSearch.Outcome outcome = new CounterfactualSearch(scorer, options).search(now.rank(), cancel);
        Counterfactual counterfactual = counterfactual(outcome, window, options.k());
        cancel.throwIfCancelled();

        Faithfulness faithfulness = windowLength < 2 ? new Faithfulness(List.of(), options.seed())
                : FaithfulnessChecks.run(scorer, List.of(FaithfulnessCheck.ATTENTION, FaithfulnessCheck.ATTRIBUTION),
                        List.of(attention.rollout(), values(attributions)), now.score(), options.faithfulnessDraws(),
                        options.seed());
        // The summary reads the finished numbers: it is written from the explanation without it.
        Explanation partial = new Explanation(user, item, stored.kind(), options.k(), now.score(), now.rank(), all,
                attention, attributions, counterfactual, faithfulness, "");
        return new Explanation(user, item, stored.kind(), options.k(), now.score(), now.rank(), all, attention,
                attributions, counterfactual, faithfulness, ExplanationSummary.of(partial));
    }

    /** Attention over many users' histories; see {@link AttentionAggregator}. */
    public AttentionAggregator aggregator() {
        return new AttentionAggregator(model, histories);
    }

    private int userIndex(String user) {
        int u = stored.users().indexOf(user);
        if (u < 0) {
            throw new RecsysException("the model knows no user '" + user + "'");
        }
        return u;
    }

    private Attributions attributions(HistoryScorer scorer, List<HistoryItem> window, int user, int target,
            ExplainOptions options, CancellationToken cancel) {
        int n = window.size();
        ShapleyValues.Game game = coalitions -> scorer.targetScores(coalitions.stream().map(kept -> {
            BitSet removed = new BitSet();
            removed.set(0, n);
            removed.andNot(kept);
            return scorer.without(removed);
        }).toList());
        ShapleyValues.Result result;
        if (n <= options.exactPlayers()) {
            result = ShapleyValues.exact(n, game);
        } else {
            int pairs = Math.max(ExplainOptions.MIN_PERMUTATION_PAIRS, options.sampledCoalitions() / (2 * (n - 1)));
            result = ShapleyValues.sampled(n, game, pairs, options.seed(), cancel);
        }
        List<Attribution> values = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            HistoryItem h = window.get(p);
            values.add(Attribution.historyItem(h.item(), h.position(), result.values()[p], result.standardErrors()[p]));
        }
        String method = result.exact() ? Attributions.EXACT : Attributions.ANTITHETIC_PERMUTATIONS;
        if (model.features() == null) {
            return new Attributions(values, method, result.permutations(), result.full(), result.empty(),
                    result.evaluations(), Attributions.NO_VARIABLES);
        }
        // Every history coalition's score holds the traits at the user's and item's values; the baseline moves them
        // to their means, which is what the variables' values account for.
        TraitAttributions traits = new TraitAttributions(model, user, target);
        TraitAttributions.Result traitValues = traits.values();
        values.addAll(traits.attributions(traitValues, user, target));
        return new Attributions(values, method, result.permutations(), result.full(),
                result.empty() - traitValues.full() + traitValues.baseline(), result.evaluations(),
                Attributions.VARIABLES_EXACT);
    }

    private static Counterfactual counterfactual(CounterfactualSearch.Outcome o, List<HistoryItem> window, int k) {
        if (!o.found()) {
            return new Counterfactual(false, List.of(), o.originalRank(), -1, Double.NaN, false, o.reason(), o.search(),
                    o.evaluated());
        }
        List<HistoryItem> removed = o.removed().stream().mapToObj(window::get).toList();
        return new Counterfactual(true, removed, o.originalRank(), o.verified().rank(), o.verified().score(),
                !o.verified().inTop(k), "", o.search(), o.evaluated());
    }

    private static double[][][] lastRows(AttentionMap map) {
        double[][][] rows = new double[map.blocks()][map.heads()][];
        for (int b = 0; b < map.blocks(); b++) {
            for (int h = 0; h < map.heads(); h++) {
                float[] row = map.items().isEmpty() ? new float[0] : map.lastRow(b, h);
                rows[b][h] = new double[row.length];
                for (int j = 0; j < row.length; j++) {
                    rows[b][h][j] = row[j];
                }
            }
        }
        return rows;
    }

    private static double[] values(Attributions attributions) {
        return attributions.historyItems().stream().mapToDouble(Attribution::value).toArray();
    }
}
