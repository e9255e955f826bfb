package org.recausal.engine.analysis;

import java.util.List;

/**
 * Paths found between exposures and outcomes. {@code truncated} is true when the search stopped at
 * its path or time limit, so more paths may exist than are listed.
 */
public record PathListing(List<PathVerdict> paths, boolean truncated) {

    public PathListing {
        paths = List.copyOf(paths);
    }

    public List<PathVerdict> causal() {
        return paths.stream().filter(PathVerdict::causal).toList();
    }

    public List<PathVerdict> nonCausal() {
        return paths.stream().filter(p -> !p.causal()).toList();
    }

    /** Open non-causal paths (DAGitty's "biasing paths"). */
    public List<PathVerdict> biasing() {
        return paths.stream().filter(PathVerdict::biasing).toList();
    }
}
