package org.recausal.engine.dag.edit;

import java.util.List;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/** Removes a variable with its edges; undo restores both and the variable's place in the order. */
public final class RemoveVariable implements DagEdit {
    private final String name;
    private Variable removed;
    private int index;
    private List<CausalEdge> removedEdges;

    public RemoveVariable(String name) {
        this.name = name;
    }

    @Override
    public void apply(Dag dag) {
        removed = dag.require(name);
        index = dag.indexOf(name);
        removedEdges = dag.removeVariable(name);
    }

    @Override
    public void revert(Dag dag) {
        dag.addVariable(removed, index);
        for (CausalEdge edge : removedEdges) {
            dag.addEdge(edge.from(), edge.to(), edge.note());
        }
    }

    @Override
    public String description() {
        return "Delete " + name;
    }
}
