package org.recausal.desktop.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.recausal.desktop.chart.PlotData;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.metrics.Protocol;

/**
 * The Recommenders panel's plots as data: the training curves (loss, and validation metrics where they were
 * computed, named for the kind of model) and the evaluation plots (metrics against K, popularity of recommended
 * against consumed items). The same data are painted and written to CSV, so an export holds the numbers shown.
 */
final class RecommenderPlots {
    private static final List<String> CUTOFF_METRICS = List.of("HR", "NDCG", "Recall");
    private static final String NO_EPOCH = "No epoch finished yet.";

    private RecommenderPlots() {
    }

    /** Training loss per epoch, its axis named after the kind's objective; the x axis spans the run's epochs. */
    static PlotData loss(List<EpochReport> curve, ModelKind kind) {
        double[] x = curve.stream().mapToDouble(EpochReport::epoch).toArray();
        double[] y = curve.stream().mapToDouble(EpochReport::loss).toArray();
        return new PlotData("Training loss", epochAxis(kind), "epoch %s", lossAxis(kind), List.of(), epochRange(curve),
                false, List.of(new PlotData.Series("training loss", PlotData.COLOURS.get(0), x, y)), NO_EPOCH);
    }

    /**
     * The validation metrics of the epochs that computed them: HR@10 and NDCG@10 for ranking models, the validation
     * ratings' MSE and MAE (IPS or SNIPS estimates for those models) for rating models.
     */
    static PlotData validation(List<EpochReport> curve, ModelKind kind) {
        List<String> names = kind != null && kind.needsRatings()
                ? curve.stream().flatMap(e -> e.validation().keySet().stream()).distinct().toList()
                : List.of("HR@10", "NDCG@10");
        List<PlotData.Series> series = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            List<EpochReport> with = curve.stream().filter(e -> e.validation().containsKey(name)).toList();
            series.add(new PlotData.Series(name, PlotData.COLOURS.get(n % PlotData.COLOURS.size()),
                    with.stream().mapToDouble(EpochReport::epoch).toArray(),
                    with.stream().mapToDouble(e -> e.validation().get(name)).toArray()));
        }
        boolean ratings = kind != null && kind.needsRatings();
        String title = !ratings ? "Validation (sampled 100)" : switch (kind.weighting()) {
            case NAIVE -> "Validation error";
            case IPS -> "Validation error, IPS estimate";
            case SNIPS -> "Validation error, SNIPS estimate";
        };
        return new PlotData(title, epochAxis(kind), "epoch %s",
                ratings ? "MSE (rating²) · MAE (rating)" : "hit rate · NDCG", List.of(), epochRange(curve), true, series,
                curve.isEmpty() ? NO_EPOCH : "No validation yet.");
    }

    /** HR, NDCG and Recall against the list length K under {@code protocol}; one line where HR@K and Recall@K agree. */
    static PlotData cutoffs(ModelReport report, Protocol protocol) {
        List<String> ks = report == null ? List.of() : report.ks().stream().map(String::valueOf).toList();
        List<PlotData.Series> series = new ArrayList<>();
        if (report != null) {
            EvaluationReport ranking = report.ranking().get(protocol.label());
            // With one held-out item per user (leave-one-out) Recall@K is HR@K: one line, named for both.
            boolean same = report.ks().stream().allMatch(k -> Objects.equals(ranking.metrics().get("HR@" + k),
                    ranking.metrics().get("Recall@" + k)));
            for (String metric : CUTOFF_METRICS) {
                if (same && metric.equals("Recall")) {
                    continue;
                }
                double[] y = report.ks().stream().mapToDouble(k -> {
                    Double v = ranking.metrics().get(metric + "@" + k);
                    return v == null ? Double.NaN : v;
                }).toArray();
                series.add(new PlotData.Series(same && metric.equals("HR") ? "HR@K = Recall@K" : metric + "@K",
                        PlotData.COLOURS.get(series.size()), IntStream.range(0, y.length).asDoubleStream().toArray(), y));
            }
        }
        return new PlotData("Metrics against K", "list length K", "top %s", "metric, " + (protocol == Protocol.FULL
                ? "full ranking" : "sampled 100"), ks, null, true, series, "No evaluation yet.");
    }

    /** Each popularity fifth's share of the top-K recommendations and of the held-out items users consumed. */
    static PlotData popularity(ModelReport report) {
        PopularityProfile profile = report == null ? null : report.popularity();
        List<PlotData.Series> series = new ArrayList<>();
        List<String> groups = List.of();
        if (profile != null) {
            groups = profile.groups();
            double[] x = IntStream.range(0, groups.size()).asDoubleStream().toArray();
            series.add(new PlotData.Series("recommended (top " + profile.k() + ")", PlotData.COLOURS.get(0), x,
                    profile.recommended()));
            series.add(new PlotData.Series("consumed (held-out items)", PlotData.COLOURS.get(4), x, profile.consumed()));
        }
        return new PlotData("Item popularity", "popularity fifth (1st = top)", "%s popularity fifth", "share",
                groups, null, true, series, "No evaluation yet.");
    }

    /** What the loss axis measures for each kind of model. */
    static String lossAxis(ModelKind kind) {
        if (kind == null) {
            return "training loss";
        }
        return switch (kind) {
            case SASREC -> "binary cross-entropy";
            case BPR -> "BPR loss −ln σ(x_ui − x_uj) + L2";
            case MF -> "squared error + L2";
            case MF_IPS -> "IPS-weighted squared error + L2";
            case MF_SNIPS -> "SNIPS-weighted squared error + L2";
        };
    }

    /** MF on ratings takes one full-batch step per epoch; the axis says so. */
    private static String epochAxis(ModelKind kind) {
        return kind != null && kind.needsRatings() ? "epoch (full-batch Adam step)" : "epoch";
    }

    /** From 0 to the epoch the run stops after, so a live curve grows across a fixed axis. */
    private static double[] epochRange(List<EpochReport> curve) {
        return curve.isEmpty() ? null : new double[] {0, Math.max(1, curve.getLast().epochs())};
    }
}
