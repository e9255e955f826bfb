package org.recausal.desktop.simulate;

import java.util.Locale;

import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.NodeFit;

/**
 * One node's line in the fit quality table: the model kind the analyst chose (automatic by default), the kind
 * fitted, and how well it fits: R² for a numeric node, AUC and log-loss (against the marginal's) for a discrete one.
 */
public record FitRow(String node, ModelChoice choice, String fitted, String parents, String quality, String warnings,
        NodeFit fit) {

    static FitRow of(NodeFit fit, ModelChoice choice) {
        String fitted = fit.family() == null ? "marginal" : fit.family().id();
        String parents = fit.parents().isEmpty() ? "—" : String.join(", ", fit.parents());
        return new FitRow(fit.node(), choice, fitted, parents, quality(fit.quality()),
                String.join("; ", fit.warnings()), fit);
    }

    /** Whether the fit is weak enough to flag: warnings, or parents that explain almost nothing. */
    boolean weak() {
        if (!warnings.isEmpty()) {
            return true;
        }
        return switch (fit.quality()) {
            case NodeFit.NumericQuality q -> !fit.parents().isEmpty() && q.rSquared() < 0.02;
            case NodeFit.DiscreteQuality q -> !fit.parents().isEmpty() && q.logLoss() > 0.99 * q.baselineLogLoss();
        };
    }

    /** The model kind as the fit table offers it. */
    static String label(ModelChoice choice) {
        return switch (choice) {
            case AUTO -> "auto (by CV)";
            case LINEAR -> "linear / logistic";
            case TABLE -> "probability table";
            case BOOSTED -> "boosted trees";
        };
    }

    static String quality(NodeFit.Quality quality) {
        return switch (quality) {
            // A node without parents has no R²: its mechanism is its distribution, whose spread is the RMSE.
            case NodeFit.NumericQuality q -> Double.isNaN(q.rSquared())
                    ? String.format(Locale.ROOT, "no parents · SD %.3g", q.rmse())
                    : String.format(Locale.ROOT, "R² %.3f · RMSE %.3g", q.rSquared(), q.rmse());
            case NodeFit.DiscreteQuality q -> Double.isNaN(q.auc())
                    ? String.format(Locale.ROOT, "log-loss %.3f (marginal %.3f) · accuracy %.3f", q.logLoss(),
                            q.baselineLogLoss(), q.accuracy())
                    : String.format(Locale.ROOT, "AUC %.3f · log-loss %.3f (marginal %.3f)", q.auc(), q.logLoss(),
                            q.baselineLogLoss());
        };
    }
}
