package org.recausal.engine.analysis;

import java.util.List;
import java.util.Set;

/**
 * The answer to "what must I adjust for?". The cases are distinct types so that callers cannot
 * confuse "nothing needs adjusting" with "nothing can be adjusted for".
 */
public sealed interface AdjustmentResult {

    enum Kind { EMPTY_SET_SUFFICES, ADJUSTMENT_SETS, NO_ADJUSTMENT_SET }

    Kind kind();

    /**
     * No (further) adjustment is needed: {@code alreadyAdjusted}, the variables that had to be in
     * every set (usually empty), is on its own a valid adjustment set.
     */
    record EmptySetSuffices(Set<String> alreadyAdjusted) implements AdjustmentResult {
        public EmptySetSuffices {
            alreadyAdjusted = Set.copyOf(alreadyAdjusted);
        }

        @Override
        public Kind kind() {
            return Kind.EMPTY_SET_SUFFICES;
        }
    }

    /**
     * The minimal sufficient adjustment sets (each in the graph's variable order), listed up to a
     * limit; {@code truncated} when more exist.
     */
    record AdjustmentSets(List<Set<String>> sets, boolean truncated) implements AdjustmentResult {
        public AdjustmentSets {
            sets = List.copyOf(sets);
            if (sets.isEmpty()) {
                throw new IllegalArgumentException("AdjustmentSets needs at least one set");
            }
        }

        @Override
        public Kind kind() {
            return Kind.ADJUSTMENT_SETS;
        }
    }

    /**
     * No permitted set of observed variables works. {@code reason} says why in words;
     * {@code openPath} is a path that every permitted set leaves open (null when the reason is a
     * forbidden variable that must be adjusted for, or when the search for a witness timed out).
     */
    record NoAdjustmentSet(String reason, Path openPath) implements AdjustmentResult {
        @Override
        public Kind kind() {
            return Kind.NO_ADJUSTMENT_SET;
        }
    }
}
