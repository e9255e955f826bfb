package org.recausal.engine.analysis;

import java.util.List;

/**
 * One path between exposure and outcome with its status given a conditioning set: causal (directed
 * from exposure to outcome) or not, and open or blocked; {@code blockers} is empty exactly when open.
 */
public record PathVerdict(Path path, boolean causal, boolean open, List<Blocker> blockers) {

    public PathVerdict {
        blockers = List.copyOf(blockers);
        if (open != blockers.isEmpty()) {
            throw new IllegalArgumentException("A path is open exactly when nothing blocks it: " + path);
        }
    }

    /** A non-causal path left open: it carries bias into the exposure-outcome association. */
    public boolean biasing() {
        return open && !causal;
    }
}
