package org.recausal.engine.recsys.ips;

import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.model.Classifier;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.scm.DiscreteMechanism;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.LatentProjection;
import org.recausal.engine.scm.Mechanism;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Propensities from the exposure mechanism of the project's causal DAG: the binary exposure variable is fitted
 * on its parents (in the DAG's latent projection, so a latent ranking score hands its observed causes on) with the
 * SCM fitter, and each logged (user, item) row gets P(exposure = 1 | its parents' values in that row). With
 * popularity and user activity causing exposure, this is the propensity model of Schnabel et al. (2016, sec. 5)
 * built from the analyst's graph instead of a fixed feature list. Probabilities are floored at {@value #FLOOR}
 * so that one badly fitted row cannot carry an unbounded weight.
 */
public final class DagPropensities {
    /** The smallest propensity handed out. */
    public static final double FLOOR = 1e-4;

    private DagPropensities() {
    }

    /**
     * Fits the exposure mechanism to the log and returns the propensity of every row's (user, item) pair.
     * @param log        one row per (user, item) pair the system considered, with the exposure and its parents
     * @param userColumn the log's user id column, whose values {@code users} knows (others are skipped)
     */
    public static PropensityTable estimate(Dag dag, String exposure, Table log, String userColumn, String itemColumn,
            IdIndex users, IdIndex items, FitOptions options, CancellationToken cancel) {
        Dag mechanism = exposureGraph(dag, exposure);
        TableBinding.Bound bound = TableBinding.bind(mechanism, log);
        FittedScm fitted = ScmFitter.fit(mechanism, bound.observations(), options, ProgressListener.NONE, cancel);
        double[] p = exposureProbabilities(fitted, exposure, bound.observations());
        int[] user = new int[p.length];
        int[] item = new int[p.length];
        for (int r = 0; r < p.length; r++) {
            int row = bound.tableRow()[r];
            user[r] = users.indexOf(log.column(userColumn).text(row));
            item[r] = items.indexOf(log.column(itemColumn).text(row));
        }
        return PropensityTable.of(user, item, p, "P(" + exposure + " = 1 | " + String.join(", ",
                fitted.model().node(exposure).mechanism().parents()) + ") by "
                + fitted.model().node(exposure).mechanism().description() + " on the DAG");
    }

    /** The exposure variable with its projected parents, as roots, and nothing else: all the fit needs. */
    static Dag exposureGraph(Dag dag, String exposure) {
        if (!dag.contains(exposure)) {
            throw new RecsysException("the DAG has no variable '" + exposure + "' for the exposure");
        }
        List<String> parents = LatentProjection.of(dag).parents().get(dag.require(exposure).name());
        if (parents == null) {
            throw new RecsysException("the exposure '" + exposure + "' is latent in the DAG; propensities need it observed");
        }
        if (parents.isEmpty()) {
            throw new RecsysException("the exposure '" + exposure + "' has no observed causes in the DAG, so its"
                    + " propensity would be the same for every pair; draw what causes exposure (e.g. popularity)");
        }
        Dag graph = new Dag();
        parents.forEach(p -> graph.addVariable(dag.require(p)));
        graph.addVariable(dag.require(exposure));
        parents.forEach(p -> graph.addEdge(p, exposure));
        return graph;
    }

    /** P(exposure = 1 | parents) for each row of {@code rows}, from the fitted exposure mechanism, floored. */
    public static double[] exposureProbabilities(FittedScm fitted, String exposure, Observations rows) {
        Mechanism mechanism = fitted.model().node(exposure).mechanism();
        if (!(mechanism instanceof DiscreteMechanism discrete) || fitted.model().scale(exposure).levelCount() != 2) {
            throw new RecsysException("the exposure '" + exposure + "' must be a binary variable (0/1, true/false) to"
                    + " give propensities; it is fitted as " + mechanism.description());
        }
        Classifier classifier = discrete.model();
        double[][] parents = mechanism.parents().stream().map(rows::column).toArray(double[][]::new);
        double[] level = new double[2];
        double[] p = new double[rows.rows()];
        for (int r = 0; r < p.length; r++) {
            classifier.probabilities(parents, r, level);
            p[r] = Math.max(FLOOR, level[1]);
        }
        return p;
    }
}
