package org.recausal.desktop.explain;

import java.util.List;
import java.util.Locale;

import org.recausal.engine.explain.Attributions;
import org.recausal.engine.explain.HistoryItem;

/** The panel's sentences about an explanation's numbers. */
final class ExplainTexts {
    private ExplainTexts() {
    }

    /** "−3 B0012 and −1 B0040": items with how far back they are, in history order. */
    static String items(List<HistoryItem> items, int historyLength) {
        List<String> named = items.stream().map(h -> h.item() + " (\u2212" + (historyLength - h.position()) + ")")
                .toList();
        if (named.size() == 1) {
            return named.getFirst();
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
    }

    /** How the Shapley values were computed, and that they add up to the score (efficiency). */
    static String attributionMethod(Attributions a) {
        int players = a.historyItems().size();
        String method = Attributions.EXACT.equals(a.method())
                ? String.format(Locale.ROOT, "Exact: every one of the 2^%d coalitions of the %d items the model reads"
                        + " was scored.", players, players)
                : String.format(Locale.ROOT, "Sampled: %,d antithetic permutations of the %d items (%,d coalitions"
                        + " scored); whiskers are 95%% intervals.", a.permutations(), players, a.evaluations());
        String variables = a.variables().isEmpty() ? "" : String.format(Locale.ROOT, " The %d variables (the user's"
                + " and the item's traits) are valued exactly, an absent one taking its training mean.",
                a.variables().size());
        return method + variables + String.format(Locale.ROOT, " The values add up to the score minus the score with"
                + " no history%s: %.4f \u2212 %.4f = %.4f (sum of the bars %.4f).",
                a.variables().isEmpty() ? "" : " and the traits at their means", a.fullScore(), a.baselineScore(),
                a.fullScore() - a.baselineScore(), a.fullScore() - a.baselineScore() + a.efficiencyGap());
    }
}
