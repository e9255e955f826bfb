package org.recausal.engine.dag.edit;

import java.util.function.UnaryOperator;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.Variable;

/** Changes role, type, description or position of one variable (not its name: see {@link RenameVariable}). */
public final class UpdateVariable implements DagEdit {
    private final String name;
    private final UnaryOperator<Variable> change;
    private final String description;
    private Variable before;

    public UpdateVariable(String name, UnaryOperator<Variable> change, String description) {
        this.name = name;
        this.change = change;
        this.description = description;
    }

    @Override
    public void apply(Dag dag) {
        before = dag.require(name);
        Variable after = change.apply(before);
        if (!after.name().equals(name)) {
            throw new DagException("Use a rename to change the name of '" + name + "'.");
        }
        dag.updateVariable(after);
    }

    @Override
    public void revert(Dag dag) {
        dag.updateVariable(before);
    }

    @Override
    public String description() {
        return description;
    }
}
