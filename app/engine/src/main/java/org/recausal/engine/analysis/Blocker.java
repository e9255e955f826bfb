package org.recausal.engine.analysis;

/** A node that blocks a path, and why. */
public record Blocker(String variable, Kind kind) {

    public enum Kind {
        /** A chain or fork node that is conditioned on. */
        CONDITIONED_NON_COLLIDER,
        /** A collider that is not conditioned on and has no conditioned descendant. */
        UNCONDITIONED_COLLIDER
    }

    public String explanation() {
        return switch (kind) {
            case CONDITIONED_NON_COLLIDER -> variable + " is conditioned on and is not a collider on this path";
            case UNCONDITIONED_COLLIDER -> variable + " is a collider on this path and neither it nor any"
                    + " of its descendants is conditioned on";
        };
    }
}
