package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.recausal.engine.explain.Attribution;
import org.recausal.engine.explain.Attributions;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.HistoryItem;

/**
 * An explanation's Shapley attributions as signed bars, largest first, keyed by heatmap row so a click highlights
 * the item everywhere; items of the counterfactual set are bold and crossed; sampled values get 95% whiskers. The
 * user's and item's trait variables (a model with side features) follow as their own group, largest first, each
 * with its owner and observed value.
 */
final class AttributionChart {
    private static final double Z95 = 1.96;

    private AttributionChart() {
    }

    static SignedBars.Chart of(Explanation e) {
        if (e == null) {
            return null;
        }
        int length = e.history().size();
        int firstRow = length - e.attention().window().size();
        Set<Integer> removed = e.counterfactual().removed().stream().map(HistoryItem::position)
                .collect(Collectors.toSet());
        boolean sampled = !Attributions.EXACT.equals(e.attributions().method());
        List<SignedBars.Bar> bars = new ArrayList<>();
        for (Attribution a : e.attributions().historyItems()) {
            boolean inSet = removed.contains(a.position());
            double reach = Z95 * a.standardError();
            bars.add(new SignedBars.Bar(a.position() - firstRow, "\u2212" + (length - a.position()),
                    inSet ? a.name() + " \u2715" : a.name(), a.value(), sampled ? a.value() - reach : Double.NaN,
                    sampled ? a.value() + reach : Double.NaN, inSet));
        }
        bars.sort(Comparator.comparingDouble(SignedBars.Bar::value).reversed());
        List<SignedBars.Bar> variables = new ArrayList<>();
        for (Attribution a : e.attributions().variables()) {
            variables.add(new SignedBars.Bar(-1, a.owner(), a.name() + " = " + (a.observed() == null ? "(missing)"
                    : a.observed()), a.value(), Double.NaN, Double.NaN, false));
        }
        variables.sort(Comparator.comparingDouble(SignedBars.Bar::value).reversed());
        List<String> notes = new ArrayList<>(List.of("\u2715 in the counterfactual set"));
        if (sampled) {
            notes.add("whiskers: 95% interval of the sampled value");
        }
        return new SignedBars.Chart(List.copyOf(bars), "raises the score", "lowers the score", notes,
                "The user has no history, so nothing in it explains the score.", List.copyOf(variables));
    }
}
