package org.recausal.engine.analysis;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A conditional independence {@code x ⊥ y | given} that a causal graph implies, in canonical form:
 * {@code x} before {@code y} in string order (the constructor swaps them if needed) and {@code given}
 * sorted. Two statements of the same independence are therefore equal.
 */
public record Independence(String x, String y, SortedSet<String> given) implements Comparable<Independence> {

    public Independence {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.equals(y)) {
            throw new IllegalArgumentException("An independence needs two different variables, not " + x + " twice.");
        }
        if (x.compareTo(y) > 0) {
            String swap = x;
            x = y;
            y = swap;
        }
        given = Collections.unmodifiableSortedSet(new TreeSet<>(given));
        if (given.contains(x) || given.contains(y)) {
            throw new IllegalArgumentException("The conditioning set of " + x + " and " + y
                    + " must not contain either of them: " + given + ".");
        }
    }

    public static Independence of(String x, String y, Collection<String> given) {
        return new Independence(x, y, new TreeSet<>(given));
    }

    /** By x, then y, then smaller conditioning sets first, then the sets' members in order. */
    @Override
    public int compareTo(Independence other) {
        int c = x.compareTo(other.x);
        if (c == 0) {
            c = y.compareTo(other.y);
        }
        if (c == 0) {
            c = Integer.compare(given.size(), other.given.size());
        }
        Iterator<String> mine = given.iterator();
        Iterator<String> theirs = other.given.iterator();
        while (c == 0 && mine.hasNext()) {
            c = mine.next().compareTo(theirs.next());
        }
        return c;
    }

    /** DAGitty's notation, e.g. {@code X _||_ Y | A, B}. */
    @Override
    public String toString() {
        return x + " _||_ " + y + (given.isEmpty() ? "" : " | " + String.join(", ", given));
    }
}
