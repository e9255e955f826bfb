package org.recausal.engine.scm;

import java.util.List;

import org.recausal.engine.model.Scale;

/**
 * How one node's mechanism was fitted and how well it fits, so that analysts see weak links.
 *
 * @param family     the model kind, or null for a root node, which gets its marginal distribution
 * @param mechanism  the mechanism in words
 * @param rows       training rows
 * @param quality    fit on the training rows (at most {@link ScmFitter#EVALUATION_ROWS} of them, a seeded sample)
 * @param candidates cross-validated losses of the kinds compared (empty when the kind was set, or for a root)
 * @param warnings   weak links in plain words
 */
public record NodeFit(String node, Scale scale, List<String> parents, ModelChoice family, String mechanism,
        int rows, Quality quality, List<CandidateScore> candidates, List<String> warnings) {

    public NodeFit {
        parents = List.copyOf(parents);
        candidates = List.copyOf(candidates);
        warnings = List.copyOf(warnings);
    }

    /**
     * A model kind's cross-validated loss (mean squared error or log-loss) and the standard error of its fold-by-fold
     * difference from the best kind's loss (0 for the best).
     */
    public record CandidateScore(ModelChoice family, double loss, double standardError, boolean chosen) {
    }

    /** Goodness of fit of a mechanism. */
    public sealed interface Quality {
    }

    /**
     * @param rSquared  share of the variance the parents explain (NaN for a root)
     * @param residuals quantiles of the residuals
     * @param bins      the residual plot: residuals grouped by fitted value
     */
    public record NumericQuality(double rSquared, double rmse, ResidualSummary residuals, List<ResidualBin> bins)
            implements Quality {
        public NumericQuality {
            bins = List.copyOf(bins);
        }
    }

    /**
     * @param logLoss         mean -log P(observed level)
     * @param baselineLogLoss the same for the level frequencies alone, ignoring the parents
     * @param accuracy        share of rows whose most probable level is the observed one
     * @param auc             area under the ROC curve, binary nodes only (NaN otherwise)
     */
    public record DiscreteQuality(double logLoss, double baselineLogLoss, double accuracy, double auc)
            implements Quality {
    }

    public record ResidualSummary(double min, double q05, double q25, double median, double q75, double q95,
            double max) {
    }

    /** Residuals of the rows whose fitted value lies in [fittedFrom, fittedTo]. */
    public record ResidualBin(double fittedFrom, double fittedTo, int count, double meanResidual,
            double residualSd) {
    }
}
