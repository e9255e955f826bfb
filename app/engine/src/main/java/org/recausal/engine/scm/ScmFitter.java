package org.recausal.engine.scm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.model.BoostedTrees;
import org.recausal.engine.model.Classifier;
import org.recausal.engine.model.ConditionalTable;
import org.recausal.engine.model.Features;
import org.recausal.engine.model.LinearRegression;
import org.recausal.engine.model.LogisticRegression;
import org.recausal.engine.model.Metrics;
import org.recausal.engine.model.MultinomialRegression;
import org.recausal.engine.model.Regressor;
import org.recausal.engine.model.Scale;
import org.recausal.engine.model.TrainingSet;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Fits a {@link StructuralCausalModel} to a graph and data: every observed node gets a mechanism given its parents
 * in the graph's latent projection; a root node its marginal distribution. With {@link ModelChoice#AUTO} each
 * node's model kind is chosen by k-fold cross-validation on a seeded sample of rows: the simplest kind whose loss
 * is within one standard error of the best (the one-standard-error rule, on the fold-by-fold differences),
 * simplest meaning linear, then table, then boosted trees. Nodes are fitted in parallel, each from its own seed, so the result does not depend on the
 * number of threads.
 */
public final class ScmFitter {

    /** Residuals and fit quality come from at most this many training rows (a seeded sample). */
    public static final int EVALUATION_ROWS = 200_000;
    private static final int RESIDUAL_BINS = 10;

    private ScmFitter() {
    }

    public static FittedScm fit(Dag dag, Observations data) {
        return fit(dag, data, FitOptions.defaults(), ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * @throws ScmException when the data lack a node's column or a set model kind does not apply to its node
     * @throws org.recausal.engine.task.CancelledException when cancelled
     */
    public static FittedScm fit(Dag dag, Observations data, FitOptions options, ProgressListener progress,
            CancellationToken cancel) {
        LatentProjection projection = LatentProjection.of(dag);
        List<String> nodes = projection.observed();
        List<String> missing = nodes.stream().filter(n -> !data.has(n)).toList();
        if (!missing.isEmpty()) {
            throw new ScmException("the data have no values for " + String.join(", ", missing)
                    + "; give them columns or mark them latent");
        }
        for (String node : options.perNode().keySet()) {
            if (!nodes.contains(node)) {
                throw new ScmException("a model kind is set for '" + node + "', which is not an observed variable"
                        + " of the graph");
            }
        }
        if (data.rows() < 2) {
            throw new ScmException("fitting needs at least 2 rows of data, not " + data.rows());
        }
        progress.progress(0, "Fitting " + nodes.size() + " mechanisms to " + data.rows() + " rows");
        Fitted[] results = new Fitted[nodes.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, nodes.size()).parallel().forEach(i -> {
            cancel.throwIfCancelled();
            String node = nodes.get(i);
            long seed = Seeds.derive(options.seed(), i);
            TrainingSet set = training(data, node, projection.parents().get(node), null);
            results[i] = fitNode(node, set, data.scale(node), options.choiceFor(node), options, seed);
            progress.progress((double) done.incrementAndGet() / nodes.size(),
                    "Fitted " + node + ": " + results[i].fit().mechanism());
        });
        cancel.throwIfCancelled();
        List<StructuralCausalModel.Node> modelNodes = new ArrayList<>();
        List<NodeFit> fits = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            modelNodes.add(new StructuralCausalModel.Node(nodes.get(i), data.scale(nodes.get(i)),
                    results[i].mechanism()));
            fits.add(results[i].fit());
        }
        StructuralCausalModel model = new StructuralCausalModel(modelNodes, projection.confounding());
        return new FittedScm(model, fits, options, data.rows());
    }

    /**
     * The same kinds of mechanism fitted again to reweighted rows (bootstrap counts), without choosing kinds or
     * measuring fit: the refit behind confidence intervals that include the uncertainty of the fitting.
     */
    public static StructuralCausalModel refit(FittedScm fitted, Observations data, double[] weights, long seed) {
        List<StructuralCausalModel.Node> template = fitted.model().nodes();
        Mechanism[] mechanisms = new Mechanism[template.size()];
        IntStream.range(0, template.size()).parallel().forEach(i -> {
            StructuralCausalModel.Node node = template.get(i);
            TrainingSet set = training(data, node.name(), node.mechanism().parents(), weights);
            mechanisms[i] = mechanism(fitted.fit(node.name()).family(), set, node.scale(), fitted.options(),
                    Seeds.derive(seed, i)).mechanism();
        });
        List<StructuralCausalModel.Node> nodes = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            nodes.add(new StructuralCausalModel.Node(template.get(i).name(), template.get(i).scale(), mechanisms[i]));
        }
        return new StructuralCausalModel(nodes, fitted.model().confounding());
    }

    private static TrainingSet training(Observations data, String node, List<String> parents, double[] weights) {
        double[][] inputs = parents.stream().map(data::column).toArray(double[][]::new);
        Features features = Features.of(parents, parents.stream().map(data::scale).toList());
        return new TrainingSet(features, inputs, data.column(node), weights);
    }

    private record Fitted(Mechanism mechanism, NodeFit fit) {
    }

    /** A mechanism with the rows its residuals or quality were measured on. */
    private record Built(Mechanism mechanism, int[] evaluationRows, double[] residuals) {
    }

    private static Fitted fitNode(String node, TrainingSet set, Scale scale, ModelChoice choice, FitOptions options,
            long seed) {
        List<String> parents = set.features().inputs();
        ModelChoice family = null;
        List<NodeFit.CandidateScore> candidates = List.of();
        if (!parents.isEmpty()) {
            if (choice == ModelChoice.AUTO) {
                candidates = crossValidate(set, scale, options, seed);
                family = candidates.stream().filter(NodeFit.CandidateScore::chosen).findFirst().orElseThrow()
                        .family();
            } else {
                requireApplicable(node, choice, set.features(), scale);
                family = choice;
            }
        }
        Built built = mechanism(family, set, scale, options, seed);
        List<String> warnings = new ArrayList<>();
        NodeFit.Quality quality = scale.isNumeric()
                ? numericQuality(set, built, parents.isEmpty(), warnings, node)
                : discreteQuality(set, built, scale, parents.isEmpty(), warnings, node);
        return new Fitted(built.mechanism(), new NodeFit(node, scale, parents, family,
                built.mechanism().description(), set.rows(), quality, candidates, warnings));
    }

    private static List<ModelChoice> applicable(Features features, Scale scale) {
        List<ModelChoice> kinds = new ArrayList<>(List.of(ModelChoice.LINEAR));
        if (scale.isDiscrete() && ConditionalTable.fits(features)) {
            kinds.add(ModelChoice.TABLE);
        }
        if (features.width() > 0) {
            kinds.add(ModelChoice.BOOSTED);
        }
        return kinds;
    }

    /**
     * The kinds cross-validation compares. A table over discrete parents is already the most flexible model of a
     * discrete node, so boosted trees could only add variance there and are left out of the comparison.
     */
    private static List<ModelChoice> candidates(Features features, Scale scale) {
        List<ModelChoice> kinds = applicable(features, scale);
        if (kinds.contains(ModelChoice.TABLE)) {
            kinds.remove(ModelChoice.BOOSTED);
        }
        return kinds;
    }

    private static void requireApplicable(String node, ModelChoice choice, Features features, Scale scale) {
        if (!applicable(features, scale).contains(choice)) {
            throw new ScmException("a " + choice.id() + " model does not apply to " + node + " (" + scale
                    + ", parents " + features.inputs() + "): " + (choice == ModelChoice.TABLE
                    ? "a probability table needs a binary or categorical node whose parents are all discrete"
                    : "its parents give no features"));
        }
    }

    private static Built mechanism(ModelChoice family, TrainingSet set, Scale scale, FitOptions options, long seed) {
        int[] rows = sampleRows(set, EVALUATION_ROWS, Seeds.derive(seed, 1));
        if (scale.isDiscrete()) {
            return new Built(new DiscreteMechanism(classifier(family, set, scale, options, seed)), rows, null);
        }
        Regressor model = family == null ? LinearRegression.fit(set) : regressor(family, set, options, seed);
        double[] residuals = new double[rows.length];
        double[] y = set.target();
        for (int i = 0; i < rows.length; i++) {
            residuals[i] = y[rows[i]] - model.predict(set.inputs(), rows[i]);
        }
        NoiseDistribution noise = options.noise() == FitOptions.NoiseKind.EMPIRICAL
                ? new NoiseDistribution.Empirical(residuals)
                : new NoiseDistribution.Gaussian(Math.sqrt(sumOfSquares(residuals)
                        / Math.max(1, residuals.length - set.features().width() - 1)));
        return new Built(new AdditiveNoiseMechanism(model, noise), rows, residuals);
    }

    private static Regressor regressor(ModelChoice family, TrainingSet set, FitOptions options, long seed) {
        return switch (family) {
            case LINEAR -> LinearRegression.fit(set);
            case BOOSTED -> BoostedTrees.fitRegression(set, options.boosting(), seed);
            default -> throw new IllegalStateException(family + " for a numeric node");
        };
    }

    private static Classifier classifier(ModelChoice family, TrainingSet set, Scale scale, FitOptions options,
            long seed) {
        int levels = scale.levelCount();
        if (family == null || family == ModelChoice.TABLE || levels == 1) {
            return ConditionalTable.fit(set, levels);
        }
        return switch (family) {
            case LINEAR -> levels == 2 ? LogisticRegression.fit(set) : MultinomialRegression.fit(set, levels);
            case BOOSTED -> BoostedTrees.fitClassifier(set, levels, options.boosting(), seed);
            default -> throw new IllegalStateException(family.toString());
        };
    }

    // ------------------------------------------------------------------ choosing the model kind

    private static List<NodeFit.CandidateScore> crossValidate(TrainingSet set, Scale scale, FitOptions options,
            long seed) {
        TrainingSet sample = set.gather(sampleRows(set, options.selectionRows(), Seeds.derive(seed, 2)));
        int k = Math.min(options.folds(), sample.rows());
        int[] fold = new int[sample.rows()];
        int[] permutation = permutation(sample.rows(), Seeds.derive(seed, 3));
        for (int i = 0; i < permutation.length; i++) {
            fold[permutation[i]] = i % k;
        }
        List<ModelChoice> kinds = candidates(set.features(), scale);
        double[][] losses = new double[kinds.size()][k];
        double[] means = new double[kinds.size()];
        for (int c = 0; c < kinds.size(); c++) {
            for (int f = 0; f < k; f++) {
                double[] weights = new double[sample.rows()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = fold[i] == f ? 0 : 1;
                }
                losses[c][f] = heldOutLoss(kinds.get(c), sample.withWeights(weights), scale, options,
                        Seeds.derive(seed, 4, c, f), fold, f);
            }
            means[c] = Arrays.stream(losses[c]).average().orElseThrow();
        }
        int best = 0;
        for (int c = 1; c < kinds.size(); c++) {
            if (means[c] < means[best]) {
                best = c;
            }
        }
        // Every kind is scored on the same folds, so compare fold by fold: the standard error of the paired
        // differences is far smaller than that of the losses themselves, which share the folds' difficulty.
        double[] errors = new double[kinds.size()];
        int chosen = best;
        for (int c = kinds.size() - 1; c >= 0; c--) {
            double[] difference = new double[k];
            for (int f = 0; f < k; f++) {
                difference[f] = losses[c][f] - losses[best][f];
            }
            double mean = means[c] - means[best];
            double variance = Arrays.stream(difference).map(d -> (d - mean) * (d - mean)).sum() / (k - 1);
            errors[c] = Math.sqrt(variance / k);
            if (c < best && mean <= errors[c]) {
                chosen = c;
            }
        }
        List<NodeFit.CandidateScore> scores = new ArrayList<>();
        for (int c = 0; c < kinds.size(); c++) {
            scores.add(new NodeFit.CandidateScore(kinds.get(c), means[c], errors[c], c == chosen));
        }
        return scores;
    }

    private static double heldOutLoss(ModelChoice kind, TrainingSet train, Scale scale, FitOptions options, long seed,
            int[] fold, int f) {
        double sum = 0;
        int count = 0;
        double[] y = train.target();
        if (scale.isNumeric()) {
            Regressor model = regressor(kind, train, options, seed);
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    double r = y[i] - model.predict(train.inputs(), i);
                    sum += r * r;
                    count++;
                }
            }
        } else {
            Classifier model = classifier(kind, train, scale, options, seed);
            double[] p = new double[scale.levelCount()];
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    model.probabilities(train.inputs(), i, p);
                    sum -= Math.log(Math.max(p[(int) y[i]], 1e-15));
                    count++;
                }
            }
        }
        return sum / count;
    }

    // ------------------------------------------------------------------ quality

    private static NodeFit.Quality numericQuality(TrainingSet set, Built built, boolean root, List<String> warnings,
            String node) {
        int[] rows = built.evaluationRows();
        double[] residuals = built.residuals();
        double[] y = new double[rows.length];
        double[] fitted = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = set.target()[rows[i]];
            fitted[i] = y[i] - residuals[i];
        }
        double r2 = root ? Double.NaN : Metrics.rSquared(y, fitted);
        double rmse = Math.sqrt(sumOfSquares(residuals) / residuals.length);
        if (!root && r2 < 0.02) {
            warnings.add("the parents explain little of " + node + " (R² " + String.format("%.3f", r2) + ")");
        }
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        NodeFit.ResidualSummary summary = new NodeFit.ResidualSummary(sorted[0], quantile(sorted, 0.05),
                quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75), quantile(sorted, 0.95),
                sorted[sorted.length - 1]);
        return new NodeFit.NumericQuality(r2, rmse, summary, root ? List.of() : residualBins(fitted, residuals));
    }

    /** Residuals grouped into bins of about equal size by their fitted value. */
    private static List<NodeFit.ResidualBin> residualBins(double[] fitted, double[] residuals) {
        double[] sorted = fitted.clone();
        Arrays.sort(sorted);
        int count = Math.min(RESIDUAL_BINS, fitted.length);
        double[] upper = new double[count];
        for (int b = 0; b < count; b++) {
            upper[b] = sorted[(int) ((long) (b + 1) * sorted.length / count) - 1];
        }
        int[] rows = new int[count];
        double[] sums = new double[count];
        double[] squares = new double[count];
        for (int i = 0; i < fitted.length; i++) {
            int b = Arrays.binarySearch(upper, fitted[i]);
            b = b >= 0 ? firstAtLeast(upper, b) : -b - 1;
            rows[b]++;
            sums[b] += residuals[i];
            squares[b] += residuals[i] * residuals[i];
        }
        List<NodeFit.ResidualBin> bins = new ArrayList<>();
        double lower = sorted[0];
        for (int b = 0; b < count; b++) {
            if (rows[b] > 0) {
                double mean = sums[b] / rows[b];
                double variance = Math.max(0, (squares[b] - rows[b] * mean * mean) / Math.max(1, rows[b] - 1));
                bins.add(new NodeFit.ResidualBin(lower, upper[b], rows[b], mean, Math.sqrt(variance)));
            }
            lower = upper[b];
        }
        return bins;
    }

    /** The first index holding the same value as {@code values[at]} (bins of tied fitted values merge). */
    private static int firstAtLeast(double[] values, int at) {
        while (at > 0 && values[at - 1] == values[at]) {
            at--;
        }
        return at;
    }

    private static NodeFit.Quality discreteQuality(TrainingSet set, Built built, Scale scale, boolean root,
            List<String> warnings, String node) {
        Classifier model = ((DiscreteMechanism) built.mechanism()).model();
        int[] rows = built.evaluationRows();
        int levels = scale.levelCount();
        double[] frequencies = new double[levels];
        double[] labels = new double[rows.length];
        double[][] probabilities = new double[rows.length][levels];
        double[] scores = new double[rows.length];
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            labels[i] = set.target()[rows[i]];
            frequencies[(int) labels[i]]++;
            model.probabilities(set.inputs(), rows[i], probabilities[i]);
            scores[i] = levels == 2 ? probabilities[i][1] : 0;
            int likeliest = 0;
            for (int l = 1; l < levels; l++) {
                if (probabilities[i][l] > probabilities[i][likeliest]) {
                    likeliest = l;
                }
            }
            correct += likeliest == (int) labels[i] ? 1 : 0;
        }
        double baseline = 0;
        for (double f : frequencies) {
            if (f > 0) {
                baseline -= f / rows.length * Math.log(f / rows.length);
            }
        }
        double logLoss = Metrics.logLoss(labels, probabilities);
        if (!root && logLoss >= baseline - 1e-3 * Math.max(baseline, 1e-9)) {
            warnings.add("the parents do not predict " + node + " better than its level frequencies do");
        }
        return new NodeFit.DiscreteQuality(logLoss, baseline, (double) correct / rows.length,
                levels == 2 ? Metrics.auc(labels, scores) : Double.NaN);
    }

    // ------------------------------------------------------------------ rows

    /** Row indices repeated by their weights; when more than {@code max}, a seeded sample of {@code max}, sorted. */
    static int[] sampleRows(TrainingSet set, int max, long seed) {
        int total = 0;
        for (int i = 0; i < set.rows(); i++) {
            total += (int) set.weight(i);
        }
        int[] rows = new int[total];
        int at = 0;
        for (int i = 0; i < set.rows(); i++) {
            for (int copy = (int) set.weight(i); copy > 0; copy--) {
                rows[at++] = i;
            }
        }
        if (rows.length <= max) {
            return rows;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(rows.length - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        int[] picked = Arrays.copyOf(rows, max);
        Arrays.sort(picked);
        return picked;
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double sumOfSquares(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }
}
