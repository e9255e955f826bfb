package org.recausal.engine.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;

/**
 * The metrics a policy is judged by, computed from one simulated world over the logged rows, each row weighted
 * (by its bootstrap count, or 1): the exposure share and the outcomes' means from their expectations given the
 * simulated inputs; where items are named, catalogue coverage (the expected share of the logged items shown at least
 * once) and the Gini coefficient of the items' expected exposure counts; where a group variable is given,
 * each outcome's mean within every group and its gap (largest minus smallest group mean).
 */
final class PolicyMetrics {

    /** One metric: its id, the group it is restricted to (or null) and a readable label. */
    record Definition(String metric, String group, String label) {
    }

    private final RankingSetup setup;
    private final List<Definition> definitions = new ArrayList<>();
    private final int[] item;
    private final int items;
    private final int[] group;
    private final List<String> groupLabels;

    PolicyMetrics(RankingSetup setup, PolicyData data, PolicyGraph graph, List<String> notes) {
        this.setup = setup;
        Observations rows = data.rows();
        definitions.add(new Definition("exposure", null, label(setup.exposure(), rows.scale(setup.exposure()))));
        for (String outcome : setup.outcomes()) {
            definitions.add(new Definition(outcome, null, label(outcome, rows.scale(outcome))));
        }
        if (data.items() != null) {
            Map<String, Integer> index = new HashMap<>();
            item = new int[rows.rows()];
            for (int i = 0; i < item.length; i++) {
                item[i] = index.computeIfAbsent(data.items()[i], k -> index.size());
            }
            items = index.size();
            definitions.add(new Definition("coverage", null, "catalogue coverage"));
            definitions.add(new Definition("gini", null, "Gini of item exposure"));
        } else {
            item = null;
            items = 0;
            notes.add("coverage and concentration need item ids, which the log does not have");
        }
        if (setup.group() != null) {
            if (!graph.context().contains(setup.group()) || setup.group().equals(graph.target())) {
                throw new ScmException("users are grouped by " + setup.group() + ", which the policy changes or the"
                        + " graph does not observe; group by a variable the policy does not affect");
            }
            groupLabels = new ArrayList<>();
            group = groups(rows.column(setup.group()), rows.scale(setup.group()), setup.group(), groupLabels);
            for (String outcome : setup.outcomes()) {
                definitions.add(new Definition("gap:" + outcome, null, outcome + " gap across " + setup.group()));
            }
            for (String label : groupLabels) {
                for (String outcome : setup.outcomes()) {
                    definitions.add(new Definition(outcome, label, label(outcome, rows.scale(outcome)) + " | "
                            + label));
                }
            }
        } else {
            group = null;
            groupLabels = List.of();
        }
    }

    List<Definition> definitions() {
        return definitions;
    }

    private static String label(String name, Scale scale) {
        return scale.isNumeric() ? "E[" + name + "]" : "P(" + name + "=" + scale.levels().getLast() + ")";
    }

    /** Each row's group: a discrete variable's level, or a numeric one below or at least its median. */
    private static int[] groups(double[] values, Scale scale, String name, List<String> labels) {
        int[] out = new int[values.length];
        if (scale.isDiscrete()) {
            labels.addAll(scale.levels().stream().map(l -> name + "=" + l).toList());
            for (int i = 0; i < values.length; i++) {
                out[i] = (int) values[i];
            }
            return out;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (median == sorted[0]) {
            throw new ScmException("half the rows or more have the smallest " + name + " (" + median + "), so a"
                    + " median split gives one group; group by another variable");
        }
        String cut = median == Math.rint(median) ? Long.toString((long) median) : Double.toString(median);
        labels.add(name + " < " + cut);
        labels.add(name + " >= " + cut);
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] < median ? 0 : 1;
        }
        return out;
    }

    /**
     * The metrics, in {@link #definitions()} order.
     *
     * @param expected each tracked node's expectation per row
     */
    double[] compute(Map<String, double[]> expected, double[] weights) {
        double[] out = new double[definitions.size()];
        int at = 0;
        double[] exposure = expected.get(setup.exposure());
        out[at++] = weightedMean(exposure, weights);
        for (String outcome : setup.outcomes()) {
            out[at++] = weightedMean(expected.get(outcome), weights);
        }
        if (item != null) {
            double[] counts = new double[items];
            double[] present = new double[items];
            double[] logNeverShown = new double[items];
            for (int i = 0; i < item.length; i++) {
                counts[item[i]] += weights[i] * exposure[i];
                present[item[i]] += weights[i];
                logNeverShown[item[i]] += weights[i] * Math.log1p(-exposure[i]);
            }
            out[at++] = coverage(logNeverShown, present);
            out[at++] = gini(counts, present);
        }
        if (group != null) {
            int groups = groupLabels.size();
            double[][] means = new double[setup.outcomes().size()][groups];
            double[] totals = new double[groups];
            for (int i = 0; i < group.length; i++) {
                totals[group[i]] += weights[i];
            }
            for (int o = 0; o < means.length; o++) {
                double[] values = expected.get(setup.outcomes().get(o));
                for (int i = 0; i < group.length; i++) {
                    means[o][group[i]] += weights[i] * values[i];
                }
                for (int g = 0; g < groups; g++) {
                    means[o][g] /= totals[g];
                }
            }
            for (double[] mean : means) {
                double[] finite = Arrays.stream(mean).filter(Double::isFinite).toArray();
                out[at++] = finite.length < 2 ? Double.NaN
                        : Arrays.stream(finite).max().orElseThrow() - Arrays.stream(finite).min().orElseThrow();
            }
            for (int g = 0; g < groups; g++) {
                for (double[] mean : means) {
                    out[at++] = mean[g];
                }
            }
        }
        return out;
    }

    static double weightedMean(double[] values, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
            total += weights[i];
        }
        return sum / total;
    }

    /**
     * The expected share of the present items shown at least once, from each item's log-probability of never being
     * shown (the sum of log(1 - p) over its rows, exposures being independent given the rows).
     */
    static double coverage(double[] logNeverShown, double[] present) {
        double shown = 0;
        int total = 0;
        for (int j = 0; j < logNeverShown.length; j++) {
            if (present[j] > 0) {
                total++;
                shown -= Math.expm1(logNeverShown[j]);
            }
        }
        return shown / total;
    }

    /** The Gini coefficient of the present items' counts: 0 when all are equal, near 1 when one item has all. */
    static double gini(double[] counts, double[] present) {
        double[] sorted = new double[counts.length];
        int n = 0;
        for (int j = 0; j < counts.length; j++) {
            if (present[j] > 0) {
                sorted[n++] = counts[j];
            }
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        double total = 0;
        double ranked = 0;
        for (int k = 0; k < n; k++) {
            total += sorted[k];
            ranked += (k + 1) * sorted[k];
        }
        return total == 0 ? 0 : 2 * ranked / (n * total) - (n + 1.0) / n;
    }
}
