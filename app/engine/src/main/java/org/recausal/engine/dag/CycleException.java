package org.recausal.engine.dag;

import java.util.List;

/** Refusal of an edge that would close a directed cycle; carries the cycle so the UI can show it. */
public final class CycleException extends DagException {
    private final List<String> cycle;

    /** @param cycle the variables on the cycle, first repeated at the end: A, B, C, A */
    public CycleException(List<String> cycle) {
        super("This edge would create a cycle: " + String.join(" -> ", cycle)
                + ". A causal graph must be acyclic.");
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}
