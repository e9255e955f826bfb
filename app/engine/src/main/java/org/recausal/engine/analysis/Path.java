package org.recausal.engine.analysis;

import java.util.List;

/**
 * A path in the causal graph: {@code nodes.size() - 1} edges, where {@code arrows.get(i)} says which
 * way the edge between {@code nodes.get(i)} and {@code nodes.get(i + 1)} points.
 */
public record Path(List<String> nodes, List<Arrow> arrows) {

    /** Direction of one edge along the path, read from its start to its end. */
    public enum Arrow {
        FORWARD("->"), BACKWARD("<-");

        private final String symbol;

        Arrow(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Path {
        nodes = List.copyOf(nodes);
        arrows = List.copyOf(arrows);
        if (nodes.isEmpty() || arrows.size() != nodes.size() - 1) {
            throw new IllegalArgumentException("A path of " + nodes.size() + " nodes needs "
                    + Math.max(0, nodes.size() - 1) + " arrows, not " + arrows.size() + ".");
        }
    }

    /** A directed path from the first node to the last: every arrow points forward. */
    public boolean isCausal() {
        return arrows.stream().allMatch(a -> a == Arrow.FORWARD);
    }

    /** Whether the inner node at {@code position} has both neighbouring edges pointing into it. */
    public boolean isCollider(int position) {
        return position > 0 && position < nodes.size() - 1
                && arrows.get(position - 1) == Arrow.FORWARD && arrows.get(position) == Arrow.BACKWARD;
    }

    /** DAGitty-style text, e.g. {@code X <- Z -> Y}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(nodes.getFirst());
        for (int i = 0; i < arrows.size(); i++) {
            text.append(' ').append(arrows.get(i).symbol()).append(' ').append(nodes.get(i + 1));
        }
        return text.toString();
    }
}
