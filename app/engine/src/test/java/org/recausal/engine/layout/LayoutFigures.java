package org.recausal.engine.layout;

import java.util.Locale;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;

/**
 * Prints crossing counts of the layered layout against the naive grid, and the time to lay out a large
 * graph. Not a test: run by hand to get the figures, e.g. with the test classpath.
 */
public final class LayoutFigures {
    private LayoutFigures() {
    }

    public static void main(String[] args) {
        LayoutOptions options = LayoutOptions.DEFAULT;
        report("ALARM (37/46)", AlarmNetwork.dag(), options);
        for (long seed = 1; seed <= 5; seed++) {
            report("random 45/" + 70 + " seed " + seed, RandomDags.generate(45, 70, seed), options);
        }
        for (long seed = 1; seed <= 3; seed++) {
            report("random 45/" + 90 + " seed " + seed, RandomDags.generate(45, 90, seed), options);
        }
        Dag large = RandomDags.generate(500, 2000, 7);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            LayoutResult result = LayeredLayout.layout(large, options);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "500/2000 run %d: %d ms, %d layers, %d straight-line crossings%n", run,
                    millis, result.layerCount(), result.crossings());
        }
    }

    private static void report(String label, Dag dag, LayoutOptions options) {
        LayoutResult result = LayeredLayout.layout(dag, options);
        int naive = EdgeCrossings.count(dag, NaiveGridLayout.layout(dag, options));
        System.out.printf(Locale.ROOT, "%-28s layered %4d crossings (%d layers), naive grid %4d%n", label,
                result.crossings(), result.layerCount(), naive);
    }
}
