package org.recausal.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.model.PortableMath;

/**
 * The ground truth of the sample project "Recommender shop": a structural causal model of an online shop's
 * recommender over the sample's 16 variables, one row per (user, item) pair the ranking considered.
 *
 * <p>Users have a tenure, an activity level and a latent taste for the item's kind of product; items have a
 * category, a latent quality, a popularity and a price. The ranking score favours popular items and active users,
 * so exposure is confounded: active users and popular items are both shown more and bought more anyway. Position
 * follows the score and the device; clicks depend on exposure, position, taste and activity; purchases on clicks,
 * taste, quality, price and tenure; ratings on quality and the purchase; being signed in on activity and the
 * device. Every equation is written out below, so
 * true effects are known: {@link #trueEffect} computes them by simulating both worlds with shared noise.
 */
public final class RecommenderWorld {

    public static final List<String> DEVICES = List.of("app", "desktop", "mobile");
    public static final List<String> CATEGORIES = List.of("books", "electronics", "fashion", "home", "toys");

    private static final double[] DEVICE_SHARE = {0.30, 0.25, 0.45};
    private static final double[] CATEGORY_SHARE = {0.25, 0.20, 0.25, 0.20, 0.10};
    private static final double[] CATEGORY_POPULARITY = {2.0, 2.5, 2.2, 1.8, 1.5};
    private static final double[] CATEGORY_LOG_PRICE = {2.7, 5.0, 3.7, 3.9, 3.2};
    private static final double[] CATEGORY_AFFINITY = {0.0, 0.2, 0.1, -0.1, 0.0};
    private static final double[] DEVICE_SLOT_SHIFT = {0.0, -0.5, 0.5};
    private static final double[] DEVICE_CLICK = {0.2, 0.0, -0.2};

    private RecommenderWorld() {
    }

    /** The true model, latent variables included, causes before effects. */
    public static StructuralCausalModel model() {
        List<StructuralCausalModel.Node> nodes = new ArrayList<>();
        add(nodes, "user_tenure", Scale.numeric(), List.of(), (p, r) -> Math.round(PortableMath.exp(5 + 0.8 * Seeds.normal(r))));
        add(nodes, "user_preference", Scale.numeric(), List.of(), (p, r) -> Seeds.normal(r));
        add(nodes, "user_activity", Scale.numeric(), List.of("user_tenure", "user_preference"),
                (p, r) -> poisson(PortableMath.exp(0.8 + 0.25 * StrictMath.log1p(p[0] / 30) + 0.5 * p[1]), r));
        add(nodes, "device", Scale.categorical(DEVICES), List.of(), (p, r) -> pick(DEVICE_SHARE, r));
        add(nodes, "item_category", Scale.categorical(CATEGORIES), List.of(), (p, r) -> pick(CATEGORY_SHARE, r));
        add(nodes, "item_quality", Scale.numeric(), List.of(), (p, r) -> Seeds.normal(r));
        add(nodes, "item_popularity", Scale.numeric(), List.of("item_category", "item_quality"),
                (p, r) -> poisson(PortableMath.exp(CATEGORY_POPULARITY[(int) p[0]] + 0.7 * p[1]), r));
        add(nodes, "discount", Scale.binary(), List.of(), (p, r) -> bernoulli(0.2, r));
        add(nodes, "item_price", Scale.numeric(), List.of("item_category", "discount"),
                (p, r) -> Math.round(100 * PortableMath.exp(CATEGORY_LOG_PRICE[(int) p[0]] + 0.3 * Seeds.normal(r))
                        * (1 - 0.2 * p[1])) / 100.0);
        add(nodes, "recommender_score", Scale.numeric(),
                List.of("user_preference", "user_activity", "item_category", "item_popularity"),
                (p, r) -> 0.6 * p[0] + 0.15 * StrictMath.log1p(p[1]) + CATEGORY_AFFINITY[(int) p[2]]
                        + 0.5 * StrictMath.log1p(p[3]) + 0.5 * Seeds.normal(r));
        add(nodes, "exposure", Scale.binary(), List.of("recommender_score"),
                (p, r) -> bernoulli(exposureProbability(p[0]), r));
        add(nodes, "position", Scale.numeric(), List.of("device", "recommender_score"),
                (p, r) -> Math.min(10, Math.max(1, Math.rint(1 + 9 * (1 - sigmoid(2 * (p[1] - 1.3)))
                        + DEVICE_SLOT_SHIFT[(int) p[0]] + Seeds.normal(r)))));
        add(nodes, "click", Scale.binary(),
                List.of("user_preference", "user_activity", "device", "item_popularity", "exposure", "position"),
                (p, r) -> bernoulli(sigmoid(-3.2 + p[4] * (2.2 - 0.15 * (p[5] - 1)) + 0.7 * p[0]
                        + 0.2 * StrictMath.log1p(p[1]) + DEVICE_CLICK[(int) p[2]] + 0.15 * StrictMath.log1p(p[3])), r));
        add(nodes, "purchase", Scale.binary(),
                List.of("user_tenure", "user_preference", "item_quality", "item_price", "click"),
                (p, r) -> bernoulli(sigmoid(-4.0 + 2.8 * p[4] + 0.5 * p[1] + 0.6 * p[2] - 0.35 * PortableMath.log(p[3])
                        + 0.15 * StrictMath.log1p(p[0] / 30)), r));
        add(nodes, "rating", Scale.numeric(), List.of("item_quality", "purchase"),
                (p, r) -> Math.min(5, Math.max(1, Math.rint(3.2 + 0.9 * p[0] + 0.3 * p[1] + 0.8 * Seeds.normal(r)))));
        // Active users stay signed in more often, and the app keeps its users signed in (DEVICES: app is level 0).
        add(nodes, "logged_in", Scale.binary(), List.of("user_activity", "device"),
                (p, r) -> bernoulli(sigmoid(-0.6 + 0.2 * Math.min(p[0], 15) + (p[1] == 0 ? 1.5 : 0)), r));
        return new StructuralCausalModel(nodes);
    }

    /**
     * The sample project's graph: the same variables, edges, types and latent variables. {@code logged_in} is an
     * ordinary variable here, since the simulated rows hold signed-in and anonymous sessions alike.
     */
    public static Dag dag() {
        Dag dag = new Dag();
        for (StructuralCausalModel.Node node : model().nodes()) {
            dag.addVariable(Variable.of(node.name(), role(node.name()), type(node.name())));
        }
        for (StructuralCausalModel.Node node : model().nodes()) {
            node.mechanism().parents().forEach(parent -> dag.addEdge(parent, node.name()));
        }
        return dag;
    }

    private static Role role(String name) {
        return switch (name) {
            case "user_preference", "item_quality" -> Role.LATENT;
            case "exposure" -> Role.EXPOSURE;
            case "purchase" -> Role.OUTCOME;
            default -> Role.ORDINARY;
        };
    }

    private static DataType type(String name) {
        return switch (name) {
            case "user_activity", "item_popularity", "position", "rating" -> DataType.COUNT;
            case "device", "item_category" -> DataType.CATEGORICAL;
            case "discount", "exposure", "click", "purchase", "logged_in" -> DataType.BINARY;
            default -> DataType.CONTINUOUS;
        };
    }

    /** Rows of the observed variables (latent ones left out), as an analyst would have them. */
    public static Observations observedData(int rows, long seed) {
        Observations all = model().sample(rows, seed);
        return all.select(all.names().stream().filter(n -> role(n) != Role.LATENT).toList());
    }

    /**
     * A true effect: E[outcome | do(treated)] - E[outcome | do(control)] (for a binary outcome, of P(outcome=1)),
     * with its Monte Carlo standard error. Both worlds share their noise, so the per-unit differences are small
     * and 2,000,000 samples pin a purchase effect down to about 2e-4.
     */
    public record TrueEffect(double effect, double standardError) {
    }

    public static TrueEffect trueEffect(String outcome, List<Intervention> treated, List<Intervention> control,
            int samples, long seed) {
        StructuralCausalModel model = model();
        Differences differences = new Differences();
        differences.add(model.sample(treated, samples, seed, CancellationToken.none()).column(outcome),
                model.sample(control, samples, seed, CancellationToken.none()).column(outcome));
        return differences.effect();
    }

    /** Per-unit differences between two worlds, summed over one or more samples of both. */
    static final class Differences {
        private long count;
        private double sum;
        private double squares;

        void add(double[] treated, double[] control) {
            for (int i = 0; i < treated.length; i++) {
                double d = treated[i] - control[i];
                sum += d;
                squares += d * d;
            }
            count += treated.length;
        }

        TrueEffect effect() {
            double mean = sum / count;
            double variance = (squares - count * mean * mean) / (count - 1);
            return new TrueEffect(mean, Math.sqrt(variance / count));
        }
    }

    private static void add(List<StructuralCausalModel.Node> nodes, String name, Scale scale, List<String> parents,
            RowMechanism.Equation equation) {
        nodes.add(new StructuralCausalModel.Node(name, scale, new RowMechanism(name + " (true equation)", parents,
                equation)));
    }

    /** The shop's chance of showing an item with this ranking score: the true exposure propensity. */
    public static double exposureProbability(double recommenderScore) {
        return sigmoid(1.5 * (recommenderScore - 1.8));
    }

    static double sigmoid(double x) {
        return PortableMath.sigmoid(x);
    }

    static double bernoulli(double p, RandomGenerator random) {
        return random.nextDouble() < p ? 1 : 0;
    }

    /** A level drawn with the given shares, from one uniform number. */
    static double pick(double[] shares, RandomGenerator random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < shares.length - 1; k++) {
            cumulative += shares[k];
            if (u < cumulative) {
                return k;
            }
        }
        return shares.length - 1;
    }

    /** A Poisson count by inverting its distribution function at one uniform number. */
    static double poisson(double mean, RandomGenerator random) {
        double u = random.nextDouble();
        double p = PortableMath.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < 10_000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
