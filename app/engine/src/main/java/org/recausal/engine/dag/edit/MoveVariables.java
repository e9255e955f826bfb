package org.recausal.engine.dag.edit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;

/** Moves one or many variables at once: a drag, a nudge or an auto-layout is one undo step. */
public final class MoveVariables implements DagEdit {
    private final Map<String, CanvasPosition> targets;
    private final String description;
    private final Map<String, CanvasPosition> before = new LinkedHashMap<>();

    public MoveVariables(Map<String, CanvasPosition> targets, String description) {
        this.targets = new LinkedHashMap<>(targets);
        this.description = description;
    }

    @Override
    public void apply(Dag dag) {
        targets.keySet().forEach(dag::require);
        before.clear();
        targets.forEach((name, position) -> {
            before.put(name, dag.require(name).position());
            dag.updateVariable(dag.require(name).withPosition(position));
        });
    }

    @Override
    public void revert(Dag dag) {
        before.forEach((name, position) -> dag.updateVariable(dag.require(name).withPosition(position)));
    }

    @Override
    public String description() {
        return description;
    }
}
