package org.recausal.desktop.simulate;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;

/**
 * What a fitted model depends on, so that a change is noticed and an unchanged model reused: the graph's structure
 * (variables with their types, which are latent, edges; not positions, notes or other roles), a hash of every value
 * of the rows it was fitted to, and the model kinds the analyst set per node.
 */
public record ModelFingerprint(String graph, long data, Map<String, ModelChoice> choices) {

    public ModelFingerprint {
        choices = Map.copyOf(choices);
    }

    static String graph(Dag dag) {
        String variables = dag.variables().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                .map(v -> v.name() + ":" + v.type() + (v.role() == Role.LATENT ? ":latent" : ""))
                .collect(Collectors.joining(","));
        String edges = dag.edges().stream().map(e -> e.from() + "->" + e.to()).sorted()
                .collect(Collectors.joining(","));
        return variables + "|" + edges;
    }

    /** A 64-bit FNV-1a hash over names, scales and values: equal data, equal hash, on every machine. */
    static long data(Observations data) {
        long hash = 0xcbf29ce484222325L;
        hash = mix(hash, data.rows());
        for (String name : data.names()) {
            hash = mix(hash, name.hashCode());
            hash = mix(hash, data.scale(name).toString().hashCode());
            for (double value : data.column(name)) {
                hash = mix(hash, Double.doubleToLongBits(value));
            }
        }
        return hash;
    }

    /** The analyst's settings only: nodes left to the automatic choice are not named. */
    static Map<String, ModelChoice> setChoices(Map<String, ModelChoice> choices) {
        Map<String, ModelChoice> set = new TreeMap<>();
        choices.forEach((node, choice) -> {
            if (choice != ModelChoice.AUTO) {
                set.put(node, choice);
            }
        });
        return set;
    }

    /** Why a model with this fingerprint does not fit {@code now}, or null when it still does. */
    String staleness(ModelFingerprint now) {
        if (!graph.equals(now.graph)) {
            return "the graph changed since the fit";
        }
        if (data != now.data) {
            return "the data changed since the fit";
        }
        if (!choices.equals(now.choices)) {
            return "model kinds changed since the fit";
        }
        return null;
    }

    private static long mix(long hash, long value) {
        long h = hash;
        for (int shift = 0; shift < 64; shift += 8) {
            h ^= (value >>> shift) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
