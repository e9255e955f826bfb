package org.recausal.engine.analysis;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An instrumental variable for the effect of the exposure on the outcome: unconditional when
 * {@code given} is empty, else a conditional instrument that works once {@code given} is adjusted for.
 */
public record Instrument(String instrument, SortedSet<String> given) {

    public Instrument {
        Objects.requireNonNull(instrument, "instrument");
        given = Collections.unmodifiableSortedSet(new TreeSet<>(given));
    }

    public boolean conditional() {
        return !given.isEmpty();
    }

    /** DAGitty's notation: {@code z} or {@code z | w1, w2}. */
    @Override
    public String toString() {
        return conditional() ? instrument + " | " + String.join(", ", given) : instrument;
    }
}
