package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.recausal.engine.task.CancellationToken;

/**
 * The smallest set of the items the model reads whose removal drops the target out of the top K, searched level by
 * level (sets of 1, 2, ... items), in the spirit of PRINCE (Ghazimatin et al. 2020) and CountER (Tan et al. 2021)
 * but over the model's real re-scoring rather than a surrogate.
 * <ul>
 * <li>Exhaustive levels: while a level has at most {@code exhaustiveLimit} sets, every set is re-scored against
 * every item, so small histories get the true minimum.</li>
 * <li>Beam levels beyond: the {@code beamWidth} sets whose removal brought the target closest to leaving the list
 * (smallest margin over the K-th competitor) are each extended by one of the {@link #EXTENSIONS} items whose
 * removal alone lowered that margin most (a beam of 1 is the greedy search by marginal score drop). Beam sets are
 * ranked against a pool of the {@link #POOL} items that score best with the whole history (plus the target): a set
 * that pushes the target out of the pool's top K is out of the full list too, since the full list only has more
 * competitors, so the pool never invents an explanation, though it may miss one that an item from outside the
 * pool would complete.</li>
 * </ul>
 * The first level with a set that leaves the target outside the top K ends the search; among such sets the one that
 * pushes it lowest wins, and it is re-scored alone, against every item, to verify it and give its new rank.
 * Removing every item is never tried while nothing older would take their place: a model with no history has no
 * user state to rank by.
 */
final class CounterfactualSearch {
    /** Items a beam set may be extended with: the best single removals. */
    static final int EXTENSIONS = 16;
    /** Competitors the beam levels rank against. */
    static final int POOL = 200;

    private final HistoryScorer scorer;
    private final ExplainOptions options;

    CounterfactualSearch(HistoryScorer scorer, ExplainOptions options) {
        this.scorer = scorer;
        this.options = options;
    }

    /** The result, with removal sets as window positions; the caller names the items. */
    record Outcome(boolean found, BitSet removed, int originalRank, HistoryScorer.Ranking verified, String reason,
            String search, int evaluated) {
    }

    Outcome search(int originalRank, CancellationToken cancel) {
        int k = options.k();
        int n = scorer.windowLength();
        if (originalRank > k) {
            return new Outcome(false, new BitSet(), originalRank, null, "the item is at rank " + originalRank
                    + ", already outside the top " + k + ", so there is nothing to remove", "none", 0);
        }
        boolean olderItems = scorer.windowStart() > 0;
        int maxSize = Math.min(options.maxRemovals(), olderItems ? n : n - 1);
        if (maxSize < 1) {
            return new Outcome(false, new BitSet(), originalRank, null, n == 0 ? "the user has no history to remove from"
                    : "the history holds one item, and without it the model has no user state to rank by", "none", 0);
        }
        List<BitSet> beam = List.of(new BitSet());
        List<Integer> extensions = List.of();
        int[] pool = null;
        boolean exhaustive = true;
        StringBuilder search = new StringBuilder();
        int evaluated = 0;
        for (int size = 1; size <= maxSize; size++) {
            cancel.throwIfCancelled();
            // Level 1 always holds every single removal, which also orders the items for later extensions.
            exhaustive = exhaustive && (size == 1 || binomial(n, size) <= options.exhaustiveLimit());
            List<BitSet> level = exhaustive ? allSubsets(n, size) : extend(beam, extensions);
            if (!exhaustive && pool == null) {
                pool = scorer.pool(POOL);
            }
            search.append(search.isEmpty() ? "" : ", ").append(size).append(exhaustive ? ": all " : ": beam ")
                    .append(level.size());
            List<int[]> variants = level.stream().map(scorer::without).toList();
            HistoryScorer.Ranking[] rankings = exhaustive ? scorer.rankings(variants, k) : scorer.poolRankings(variants, pool, k);
            evaluated += level.size();
            int best = -1;
            for (int s = 0; s < level.size(); s++) {
                if (!rankings[s].inTop(k) && (best < 0 || rankings[s].gap() < rankings[best].gap())) {
                    best = s;
                }
            }
            if (best >= 0) {
                BitSet removed = level.get(best);
                HistoryScorer.Ranking check = scorer.rescoreAlone(scorer.without(removed), k);
                return new Outcome(true, removed, originalRank, check, "", search.toString(), evaluated);
            }
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < level.size(); s++) {
                order.add(s);
            }
            order.sort(Comparator.comparingDouble((Integer s) -> rankings[s].gap()).thenComparingInt(s -> s));
            if (size == 1) {
                extensions = order.subList(0, Math.min(EXTENSIONS, order.size())).stream()
                        .map(s -> level.get(s).nextSetBit(0)).toList();
            }
            beam = order.subList(0, Math.min(options.beamWidth(), order.size())).stream().map(level::get).toList();
        }
        String reason = "no explanation within " + maxSize + " removal" + (maxSize == 1 ? "" : "s")
                + (maxSize < options.maxRemovals() ? " (the model reads " + n + " item" + (n == 1 ? "" : "s")
                        + " of this history)" : "");
        return new Outcome(false, new BitSet(), originalRank, null, reason, search.toString(), evaluated);
    }

    /** Each beam set extended by one more of the {@code extensions} items, each resulting set once, in a fixed order. */
    private static List<BitSet> extend(List<BitSet> beam, List<Integer> extensions) {
        Set<BitSet> seen = new HashSet<>();
        List<BitSet> next = new ArrayList<>();
        for (BitSet set : beam) {
            for (int p : extensions) {
                if (!set.get(p)) {
                    BitSet bigger = (BitSet) set.clone();
                    bigger.set(p);
                    if (seen.add(bigger)) {
                        next.add(bigger);
                    }
                }
            }
        }
        return next;
    }

    /** Every set of {@code size} positions out of {@code n}, in lexicographic order. */
    private static List<BitSet> allSubsets(int n, int size) {
        List<BitSet> subsets = new ArrayList<>();
        int[] pick = new int[size];
        for (int i = 0; i < size; i++) {
            pick[i] = i;
        }
        while (true) {
            BitSet set = new BitSet();
            for (int p : pick) {
                set.set(p);
            }
            subsets.add(set);
            int i = size - 1;
            while (i >= 0 && pick[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return subsets;
            }
            pick[i]++;
            for (int j = i + 1; j < size; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }

    /** n choose k, saturating at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            long next = c * (n - k + i);
            if (next / (n - k + i) != c) {
                return Long.MAX_VALUE;
            }
            c = next / i;
        }
        return c;
    }
}
