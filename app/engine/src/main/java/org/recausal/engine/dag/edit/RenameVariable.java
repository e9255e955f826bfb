package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.Dag;

public final class RenameVariable implements DagEdit {
    private final String oldName;
    private final String newName;

    public RenameVariable(String oldName, String newName) {
        this.oldName = oldName;
        this.newName = newName;
    }

    @Override
    public void apply(Dag dag) {
        dag.renameVariable(oldName, newName);
    }

    @Override
    public void revert(Dag dag) {
        dag.renameVariable(newName, oldName);
    }

    @Override
    public String description() {
        return "Rename " + oldName + " to " + newName;
    }
}
