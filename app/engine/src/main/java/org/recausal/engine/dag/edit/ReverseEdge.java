package org.recausal.engine.dag.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.CycleException;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;

/**
 * Turns {@code from -> to} into {@code to -> from}, keeping the note. Refused when another directed
 * path from {@code from} to {@code to} exists, since the reversed edge would then close a cycle.
 */
public final class ReverseEdge implements DagEdit {
    private final String from;
    private final String to;

    public ReverseEdge(String from, String to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void apply(Dag dag) {
        if (!dag.hasEdge(from, to)) {
            throw new DagException("There is no edge " + from + " -> " + to + " to reverse.");
        }
        // Checked before touching the graph so that a refusal publishes no remove/add events.
        Optional<List<String>> otherPath = otherPath(dag);
        if (otherPath.isPresent()) {
            List<String> cycle = new ArrayList<>();
            cycle.add(to);
            cycle.addAll(otherPath.get());
            throw new CycleException(cycle);
        }
        CausalEdge edge = dag.removeEdge(from, to);
        dag.addEdge(to, from, edge.note());
    }

    /** A directed path {@code from ~> to} that does not use the direct edge. */
    private Optional<List<String>> otherPath(Dag dag) {
        for (String child : dag.children(from)) {
            if (child.equals(to)) {
                continue;
            }
            Optional<List<String>> rest = dag.directedPath(child, to);
            if (rest.isPresent()) {
                List<String> path = new ArrayList<>();
                path.add(from);
                path.addAll(rest.get());
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    @Override
    public void revert(Dag dag) {
        CausalEdge edge = dag.removeEdge(to, from);
        dag.addEdge(from, to, edge.note());
    }

    @Override
    public String description() {
        return "Reverse edge " + from + " -> " + to;
    }
}
