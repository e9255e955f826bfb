package org.recausal.engine.dag;

/** One elementary change to a {@link Dag}, published to its listeners after it happened. */
public sealed interface DagChange {
    record VariableAdded(Variable variable) implements DagChange {
    }

    record VariableRemoved(Variable variable) implements DagChange {
    }

    /** Role, type, description or position changed; the name is the same. */
    record VariableUpdated(Variable before, Variable after) implements DagChange {
    }

    record VariableRenamed(String oldName, String newName) implements DagChange {
    }

    record EdgeAdded(CausalEdge edge) implements DagChange {
    }

    record EdgeRemoved(CausalEdge edge) implements DagChange {
    }
}
