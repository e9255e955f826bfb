package org.recausal.engine.analysis;

import java.util.Set;

/** Whether one given set is a valid adjustment set and, if not, the first reason found. */
public sealed interface AdjustmentCheck {

    boolean valid();

    /** A human-readable verdict. */
    String explanation();

    record Valid(Set<String> set) implements AdjustmentCheck {
        public Valid {
            set = Set.copyOf(set);
        }

        @Override
        public boolean valid() {
            return true;
        }

        @Override
        public String explanation() {
            return set.isEmpty() ? "The empty set is a valid adjustment set." : "The set is a valid adjustment set.";
        }
    }

    /** The set contains a variable that may not be adjusted for, e.g. a mediator or a descendant of one. */
    record ForbiddenVariable(String variable, String reason) implements AdjustmentCheck {
        @Override
        public boolean valid() {
            return false;
        }

        @Override
        public String explanation() {
            return variable + " must not be adjusted for: " + reason + ".";
        }
    }

    /** The set contains an unmeasured variable, which cannot be adjusted for. */
    record LatentVariable(String variable) implements AdjustmentCheck {
        @Override
        public boolean valid() {
            return false;
        }

        @Override
        public String explanation() {
            return variable + " is latent (unmeasured) and cannot be adjusted for.";
        }
    }

    /** A path that should be blocked stays open given the set (null only if the witness search timed out). */
    record OpenBiasingPath(Path path) implements AdjustmentCheck {
        @Override
        public boolean valid() {
            return false;
        }

        @Override
        public String explanation() {
            return path == null ? "A biasing path stays open given the set."
                    : "The biasing path " + path + " stays open given the set.";
        }
    }
}
