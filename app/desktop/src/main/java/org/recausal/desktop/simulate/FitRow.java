package org.recausal.desktop.simulate;

import java.util.Locale;

import org.recausal.engine.scm.NodeFit;

/**
 * One node's line in the fit quality table: its mechanism kind and how well it fits, R² for a numeric node,
 * AUC and log-loss (against the marginal's) for a discrete one.
 */
public record FitRow(String node, String kind, String parents, String quality, String warnings) {

    static FitRow of(NodeFit fit) {
        String kind = fit.family() == null ? "exogenous" : fit.family().id();
        String quality = switch (fit.quality()) {
            // A node without parents has no R²: its mechanism is its distribution, whose spread is the RMSE.
            case NodeFit.NumericQuality q -> Double.isNaN(q.rSquared())
                    ? String.format(Locale.ROOT, "no parents · SD %.3g", q.rmse())
                    : String.format(Locale.ROOT, "R² %.3f · RMSE %.3g", q.rSquared(), q.rmse());
            case NodeFit.DiscreteQuality q -> String.format(Locale.ROOT, "AUC %.3f · log-loss %.3f (marginal %.3f)",
                    q.auc(), q.logLoss(), q.baselineLogLoss());
        };
        return new FitRow(fit.node(), kind, fit.parents().isEmpty() ? "—" : String.join(", ", fit.parents()),
                quality, String.join("; ", fit.warnings()));
    }
}
