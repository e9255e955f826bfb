package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

public final class AddVariable implements DagEdit {
    private final Variable variable;

    public AddVariable(Variable variable) {
        this.variable = variable;
    }

    @Override
    public void apply(Dag dag) {
        dag.addVariable(variable);
    }

    @Override
    public void revert(Dag dag) {
        dag.removeVariable(variable.name());
    }

    @Override
    public String description() {
        return "Add " + variable.name();
    }
}
