package org.recausal.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

/**
 * Instruments and conditional instruments for the effect of one exposure X on one outcome Y, the
 * list DAGitty gives ({@code GraphAnalyzer.conditionalInstruments}). Z is an instrument given W when
 * W contains no descendant of Y, W d-separates Z from Y in the proper back-door graph (the DAG
 * without the first edge of every causal path from X to Y), and Z stays d-connected to X given W.
 * Following van der Zander, Textor &amp; Liśkiewicz (2015), W is searched among ancestors only: the
 * minimal separator of Y and Z nearest to them in An(Y ∪ Z), with mediators and latent variables
 * never used; every instrument has such an ancestral W. Candidates are the observed, unselected
 * variables other than X and Y, in the graph's order.
 */
public final class InstrumentalVariables {
    private InstrumentalVariables() {
    }

    /** Instruments for the single exposure and single outcome marked in {@code dag}. */
    public static List<Instrument> of(Dag dag) {
        List<String> exposures = dag.withRole(Role.EXPOSURE);
        List<String> outcomes = dag.withRole(Role.OUTCOME);
        if (exposures.size() != 1 || outcomes.size() != 1) {
            throw new IllegalArgumentException("Instruments need exactly one exposure and one outcome (found "
                    + exposures.size() + " exposures and " + outcomes.size() + " outcomes).");
        }
        return of(dag, exposures.getFirst(), outcomes.getFirst());
    }

    public static List<Instrument> of(Dag dag, String exposure, String outcome) {
        IndexedGraph g = IndexedGraph.of(dag);
        int x = g.index(exposure);
        int y = g.index(outcome);
        if (x == y) {
            throw new IllegalArgumentException("The exposure and the outcome must differ, but both are " + exposure + ".");
        }
        VertexSet xs = VertexSet.of(g.size(), x);
        VertexSet ys = VertexSet.of(g.size(), y);
        VertexSet causal = AdjustmentAnalysis.properCausalPathNodes(g, xs, ys);
        IndexedGraph backDoor = g.withoutEdges((from, to) -> from == x && causal.contains(to));
        VertexSet mediators = g.descendants(xs).intersection(g.ancestors(ys)).minus(xs).minus(ys);
        VertexSet usable = g.all().minus(g.withRole(Role.LATENT)).minus(mediators);
        VertexSet descendantsOfY = backDoor.descendants(ys);
        VertexSet none = new VertexSet(g.size());

        List<Instrument> instruments = new ArrayList<>();
        for (int z = 0; z < g.size(); z++) {
            if (z == x || z == y || g.role(z) == Role.LATENT || g.role(z) == Role.SELECTION) {
                continue;
            }
            VertexSet zs = VertexSet.of(g.size(), z);
            VertexSet w = NearestSeparator.find(backDoor, ys, zs, none, usable);
            if (w == null || w.intersects(descendantsOfY) || w.contains(x)
                    || BayesBall.separated(backDoor, xs, zs, w)) {
                continue;
            }
            instruments.add(new Instrument(g.name(z), new TreeSet<>(g.names(w))));
        }
        return instruments;
    }
}
