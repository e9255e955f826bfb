package org.recausal.engine.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.AdditiveNoiseMechanism;
import org.recausal.engine.scm.DiscreteMechanism;
import org.recausal.engine.scm.Expression;
import org.recausal.engine.scm.Mechanism;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.scm.StructuralCausalModel;

/**
 * The value of the target a policy serves for every logged row, as {@link Policy} defines it. Fixed policies are
 * computed once; a random rule or the thinning of an exposure cap is drawn again for each seed.
 */
final class ServedTarget {

    /** Values of a numeric feature at which its influence is averaged out (equally spaced quantiles). */
    private static final int FEATURE_GRID = 256;

    private final PolicyGraph graph;
    private final Observations rows;
    private final double[] fixed;
    private final double[] keep;
    private final Expression.Compiled rule;

    ServedTarget(Policy policy, RankingSetup setup, PolicyGraph graph, StructuralCausalModel model, PolicyData data) {
        this.graph = graph;
        this.rows = data.rows();
        double[] logged = rows.column(graph.target());
        Expression.Compiled compiled = null;
        double[] keepShare = null;
        double[] value = null;
        switch (policy) {
            case Policy.PopularityPenalty penalty -> {
                double[] popularity = contextColumn(setup.popularity(), "the popularity penalty");
                value = new double[logged.length];
                for (int i = 0; i < value.length; i++) {
                    if (!(popularity[i] > -1)) {
                        throw new ScmException(setup.popularity() + " is " + popularity[i] + " in row " + (i + 1)
                                + "; a popularity penalty needs values above -1 for log(1 + popularity)");
                    }
                    value[i] = logged[i] - penalty.strength() * StrictMath.log1p(popularity[i]);
                }
            }
            case Policy.Boost boost -> {
                Expression.Compiled condition = compile(boost.condition(), "the boost's condition");
                double[][] columns = columns();
                SplittableRandom unused = new SplittableRandom(0);
                value = new double[logged.length];
                for (int i = 0; i < value.length; i++) {
                    value[i] = logged[i] + (condition.evaluate(columns, i, unused) != 0 ? boost.amount() : 0);
                }
            }
            case Policy.RemoveFeature remove -> value = withoutFeature(model, remove.feature(), logged);
            case Policy.SwapModel swap -> value = quantileMapped(data.alternativeScores(), logged);
            case Policy.ScoreRule scoreRule -> compiled = compile(scoreRule.rule(), "the score rule");
            case Policy.ExposureCap cap -> keepShare = keep(cap, model, data);
        }
        this.fixed = value;
        this.rule = compiled;
        this.keep = keepShare;
    }

    /** For an exposure cap, the probability that each row keeps a logged exposure; otherwise null. */
    double[] keep() {
        return keep;
    }

    /** The served values under the given seed. */
    double[] draw(long seed) {
        if (fixed != null) {
            return fixed;
        }
        double[] logged = rows.column(graph.target());
        double[] out = new double[logged.length];
        double[][] columns = rule == null ? null : columns();
        int chunks = (out.length + 8191) / 8192;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            SplittableRandom random = Seeds.random(seed, chunk);
            for (int i = chunk * 8192; i < Math.min(out.length, (chunk + 1) * 8192); i++) {
                if (rule != null) {
                    out[i] = rule.evaluate(columns, i, random);
                    if (!Double.isFinite(out[i])) {
                        throw new ScmException("the score rule gives " + out[i] + " for row " + (i + 1));
                    }
                } else {
                    out[i] = random.nextDouble() < keep[i] ? logged[i] : 0;
                }
            }
        });
        return out;
    }

    private double[] contextColumn(String name, String what) {
        if (!graph.context().contains(name)) {
            throw new ScmException(what + " reads " + name + ", which is " + (rows.has(name)
                    ? "affected by " + graph.target() + "; it may read only variables the policy does not change"
                    : "not an observed variable of the graph"));
        }
        return rows.column(name);
    }

    private Expression.Compiled compile(Expression expression, String what) {
        for (String variable : expression.variables()) {
            contextColumn(variable, what);
        }
        try {
            return expression.compile(rows.names(), rows::scale);
        } catch (IllegalArgumentException e) {
            throw new ScmException("in " + what + " " + expression + ": " + e.getMessage(), e);
        }
    }

    private double[][] columns() {
        return rows.names().stream().map(rows::column).toArray(double[][]::new);
    }

    /** s - m(x) + the mean of m over the feature's logged values. */
    private double[] withoutFeature(StructuralCausalModel model, String feature, double[] logged) {
        Mechanism mechanism = model.node(graph.target()).mechanism();
        List<String> parents = mechanism.parents();
        int at = parents.indexOf(feature);
        if (at < 0) {
            throw new ScmException(graph.target() + " does not read " + feature + " in the graph (it reads "
                    + (parents.isEmpty() ? "nothing" : String.join(", ", parents)) + "), so there is no influence"
                    + " to remove");
        }
        if (!(mechanism instanceof AdditiveNoiseMechanism additive)) {
            throw new ScmException("removing a feature needs a numeric score, and " + graph.target() + " is "
                    + model.scale(graph.target()));
        }
        double[][] inputs = parents.stream().map(rows::column).toArray(double[][]::new);
        int n = logged.length;
        double[] own = new double[n];
        additive.model().predictAll(inputs, 0, n, own);
        Map<Double, Double> grid = grid(rows.column(feature), rows.scale(feature));
        double[] averaged = new double[n];
        double[] constant = new double[n];
        double[] predicted = new double[n];
        double[][] changed = inputs.clone();
        changed[at] = constant;
        for (Map.Entry<Double, Double> point : grid.entrySet()) {
            Arrays.fill(constant, point.getKey());
            additive.model().predictAll(changed, 0, n, predicted);
            for (int i = 0; i < n; i++) {
                averaged[i] += point.getValue() * predicted[i];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = logged[i] - own[i] + averaged[i];
        }
        return out;
    }

    /** The feature's values with their shares: every level of a discrete one, equally spaced quantiles otherwise. */
    private static Map<Double, Double> grid(double[] values, Scale scale) {
        Map<Double, Double> grid = new HashMap<>();
        if (scale.isDiscrete()) {
            for (double v : values) {
                grid.merge(v, 1.0 / values.length, Double::sum);
            }
            return grid;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int points = Math.min(FEATURE_GRID, sorted.length);
        for (int k = 0; k < points; k++) {
            double v = sorted[(int) ((k + 0.5) * sorted.length / points)];
            grid.merge(v, 1.0 / points, Double::sum);
        }
        return grid;
    }

    /** The logged score of the same rank as each row's other score. */
    private static double[] quantileMapped(double[] other, double[] logged) {
        if (other == null) {
            throw new ScmException("swapping models needs the other model's score for every logged row; the log"
                    + " needs user and item ids that the model knows");
        }
        double[] sorted = logged.clone();
        Arrays.sort(sorted);
        Integer[] order = IntStream.range(0, other.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(other[a], other[b]));
        double[] out = new double[other.length];
        for (int rank = 0; rank < order.length; rank++) {
            out[order[rank]] = sorted[rank];
        }
        return out;
    }

    /** min(1, cap / the item's mean exposure probability) per row; rows without item ids are each their own item. */
    private double[] keep(Policy.ExposureCap cap, StructuralCausalModel model, PolicyData data) {
        Mechanism mechanism = model.node(graph.target()).mechanism();
        if (!(mechanism instanceof DiscreteMechanism discrete) || discrete.model().levels() != 2) {
            throw new ScmException("an exposure cap acts on a binary exposure, and " + graph.target() + " is "
                    + model.scale(graph.target()));
        }
        double[][] inputs = mechanism.parents().stream().map(rows::column).toArray(double[][]::new);
        int n = rows.rows();
        double[] probability = new double[n];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            discrete.model().probabilities(inputs, i, p);
            probability[i] = p[1];
        }
        double[] rate = probability;
        if (data.items() != null) {
            Map<String, double[]> sums = new HashMap<>();
            for (int i = 0; i < n; i++) {
                double[] sum = sums.computeIfAbsent(data.items()[i], k -> new double[2]);
                sum[0] += probability[i];
                sum[1]++;
            }
            rate = new double[n];
            for (int i = 0; i < n; i++) {
                double[] sum = sums.get(data.items()[i]);
                rate[i] = sum[0] / sum[1];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rate[i] <= cap.cap() ? 1 : cap.cap() / rate[i];
        }
        return out;
    }
}
