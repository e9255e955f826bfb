package org.recausal.desktop.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.recausal.desktop.query.GraphSnapshot;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.AddVariable;
import org.recausal.engine.dag.edit.CompoundEdit;
import org.recausal.engine.dag.edit.DagEdit;
import org.recausal.engine.io.ImportResult;
import org.recausal.engine.layout.LayeredLayout;
import org.recausal.engine.layout.LayoutOptions;

/**
 * A pasted or imported graph placed for the canvas: laid out in layers when the text had no
 * positions, and set beside the graph already there so nothing lands on top of it. It is added as
 * one undoable edit.
 */
record IncomingGraph(List<Variable> variables, List<CausalEdge> edges, List<String> warnings) {
    /** Canvas units between the graph already there and the one coming in. */
    static final double GAP = 120;

    IncomingGraph {
        variables = List.copyOf(variables);
        edges = List.copyOf(edges);
        warnings = List.copyOf(warnings);
    }

    /**
     * Places {@code imported} beside {@code existing}.
     *
     * @param boxWidth width of the widest variable box among the imported names, for the layout
     * @throws DagException when a name is taken on the canvas already (names are unique regardless of case)
     */
    static IncomingGraph place(ImportResult imported, GraphSnapshot existing, double boxWidth) {
        Dag dag = imported.dag();
        refuseTakenNames(dag, existing);
        Map<String, CanvasPosition> positions = new HashMap<>();
        if (imported.hasPositions()) {
            dag.variables().forEach(variable -> positions.put(variable.name(), variable.position()));
        } else {
            LayoutOptions defaults = LayoutOptions.DEFAULT;
            positions.putAll(LayeredLayout.layout(dag, new LayoutOptions(Math.max(boxWidth, 1), defaults.nodeHeight(),
                    defaults.horizontalGap(), defaults.layerGap(), defaults.edgeGap(), defaults.sweeps(),
                    defaults.keyNodeCrossings())).positions());
        }
        double dx = 0;
        double dy = 0;
        if (!existing.variables().isEmpty() && !positions.isEmpty()) {
            double existingRight = existing.variables().stream().mapToDouble(v -> v.position().x()).max().orElseThrow();
            double existingTop = existing.variables().stream().mapToDouble(v -> v.position().y()).min().orElseThrow();
            double incomingLeft = positions.values().stream().mapToDouble(CanvasPosition::x).min().orElseThrow();
            double incomingTop = positions.values().stream().mapToDouble(CanvasPosition::y).min().orElseThrow();
            // Centres are stored, so the gap also covers half of each box.
            dx = existingRight + boxWidth + GAP - incomingLeft;
            dy = existingTop - incomingTop;
        }
        List<Variable> placed = new ArrayList<>();
        for (Variable variable : dag.variables()) {
            CanvasPosition at = positions.get(variable.name());
            placed.add(variable.withPosition(new CanvasPosition(at.x() + dx, at.y() + dy)));
        }
        return new IncomingGraph(placed, dag.edges(), imported.warnings());
    }

    /** Adds every variable, then every edge, as one undo step. */
    DagEdit edit(String description) {
        List<DagEdit> parts = new ArrayList<>();
        variables.forEach(variable -> parts.add(new AddVariable(variable)));
        edges.forEach(edge -> parts.add(new AddEdge(edge.from(), edge.to(), edge.note())));
        return new CompoundEdit(parts, description);
    }

    /** The widest box among {@code dag}'s names, measured by {@code width}. */
    static double widest(Dag dag, ToDoubleFunction<String> width) {
        return dag.names().stream().mapToDouble(width).max().orElse(1);
    }

    private static void refuseTakenNames(Dag incoming, GraphSnapshot existing) {
        Dag present = new Dag();
        existing.variables().forEach(present::addVariable);
        TreeSet<String> taken = new TreeSet<>();
        for (String name : incoming.names()) {
            present.findName(name).ifPresent(taken::add);
        }
        if (!taken.isEmpty()) {
            throw new DagException("The canvas already has " + (taken.size() == 1 ? "a variable" : "variables")
                    + " named " + String.join(", ", taken) + ". Rename " + (taken.size() == 1 ? "it" : "them")
                    + " in the text or delete " + (taken.size() == 1 ? "it" : "them") + " from the canvas first.");
        }
    }
}
