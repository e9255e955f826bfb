package org.recausal.engine.explain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** A few plain sentences from an explanation's numbers: why, what would change it, and how far to trust it. */
final class ExplanationSummary {
    /** Items listed as the main reasons: at most this many... */
    private static final int REASONS = 2;
    /** ...each carrying at least this share of the positive attribution. */
    private static final double MIN_SHARE = 0.2;

    private ExplanationSummary() {
    }

    static String of(Explanation e) {
        StringBuilder text = new StringBuilder();
        text.append(e.rank() <= e.k() ? "Recommended at rank " + e.rank() + " of " + e.k()
                : "Ranked " + e.rank() + ", outside the top " + e.k()).append(" (score ").append(number(e.score())).append(")");
        List<Attribution> values = e.attributions().historyItems();
        String traits = traits(e.attributions());
        if (values.isEmpty()) {
            return text.append(": the user has no history, so nothing in it explains the score").append(traits)
                    .append(".").toString();
        }
        text.append(reasons(values, e.history().size())).append(traits).append(". ");
        double[] rollout = e.attention().rollout();
        int attended = IntStream.range(0, rollout.length).boxed().max(Comparator.comparingDouble(p -> rollout[p])).orElseThrow();
        text.append("The model attended most to ").append(e.attention().window().get(attended).item())
                .append(" (rollout ").append(percent(rollout[attended])).append(" of the attention). ");
        Counterfactual c = e.counterfactual();
        if (c.found()) {
            text.append("Without ").append(names(c.removed().stream().map(HistoryItem::item).toList()))
                    .append(" it would fall to rank ").append(c.newRank()).append(". ");
        } else if (e.rank() <= e.k()) {
            text.append("No small change explains it away: ").append(c.reason()).append(". ");
        }
        e.faithfulness().checks().stream()
                .filter(f -> f.ranking().equals(FaithfulnessCheck.ATTRIBUTION) && f.removed() == 1).findFirst()
                .ifPresent(f -> text.append("Removing the top-attributed item lowers the score by ").append(number(f.drop()))
                        .append(", a random one by ").append(number(f.randomMean())).append(" \u00b1 ")
                        .append(number(f.randomSd())).append(" on average."));
        return text.toString().strip();
    }

    private static String reasons(List<Attribution> values, int historyLength) {
        double positive = values.stream().mapToDouble(a -> Math.max(0, a.value())).sum();
        List<Attribution> main = values.stream().filter(a -> a.value() > 0 && a.value() >= MIN_SHARE * positive)
                .sorted(Comparator.comparingDouble(Attribution::value).reversed()).limit(REASONS).toList();
        if (main.isEmpty()) {
            return ", with no single past item pushing it up much";
        }
        List<String> named = main.stream().map(a -> a.name() + " (" + signed(a.value())
                + (a.position() == historyLength - 1 ? ", the latest item" : "") + ")").toList();
        return ", mainly because of " + names(named);
    }

    /**
     * The trait variables that carry at least {@value #MIN_SHARE} of all the values' absolute size, largest first:
     * ", and the item's popularity (+0.42)"; empty when none does.
     */
    private static String traits(Attributions attributions) {
        double total = attributions.values().stream().mapToDouble(a -> Math.abs(a.value())).sum();
        List<String> named = attributions.variables().stream()
                .filter(a -> a.value() != 0 && Math.abs(a.value()) >= MIN_SHARE * total)
                .sorted(Comparator.comparingDouble((Attribution a) -> Math.abs(a.value())).reversed()).limit(REASONS)
                .map(a -> "the " + a.owner() + "'s " + readable(a) + " (" + signed(a.value()) + ")").toList();
        return named.isEmpty() ? "" : ", and " + names(named);
    }

    /** A variable's name without the owner's prefix, in words: item_popularity of an item reads "popularity". */
    private static String readable(Attribution variable) {
        String name = variable.name();
        String prefix = variable.owner() + "_";
        if (name.toLowerCase(Locale.ROOT).startsWith(prefix) && name.length() > prefix.length()) {
            name = name.substring(prefix.length());
        }
        return name.replace('_', ' ');
    }

    private static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    private static String signed(double x) {
        return (x >= 0 ? "+" : "") + number(x);
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }
}
