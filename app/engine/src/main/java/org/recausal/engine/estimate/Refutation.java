package org.recausal.engine.estimate;

import java.util.Map;

/**
 * The result of one check of an estimate: whether it passed, a verdict in plain words and the numbers behind it.
 *
 * @param numbers named figures, in the order the verdict uses them
 */
public record Refutation(String check, boolean passed, String verdict, Map<String, Double> numbers) {
    public Refutation {
        numbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
    }
}
