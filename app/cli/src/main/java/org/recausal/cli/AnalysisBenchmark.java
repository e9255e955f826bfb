package org.recausal.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.analysis.AdjustmentResult;
import org.recausal.engine.analysis.DSeparation;
import org.recausal.engine.analysis.TestableImplications;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.task.CancellationToken;

/**
 * Times the graph analyses on one seeded random DAG: each measurement is repeated after a warm-up
 * that lets the JIT compile the code, and the median is kept, so one slow outlier (a GC pause)
 * does not move the figure.
 */
final class AnalysisBenchmark {
    /** One d-separation query: single x and y, a few conditioning variables. */
    record Query(String x, String y, List<String> given) {
    }

    /** The figures for one graph size; times in nanoseconds. */
    record Row(int size, int edges, double dsepNanos, double firstSetNanos, double allSetsNanos, int allSetsCount,
            double implicationsNanos, int implicationsCount, List<Boolean> dsepAnswers) {
    }

    static final int ADJUSTMENT_PAIRS = 20;
    static final int SET_LIMIT = 1_000;
    static final int IMPLICATION_LIMIT = 1_000;

    private final Dag dag;
    private final Random random;
    private final List<String> names;

    AnalysisBenchmark(int size, double degree, long seed) {
        this.dag = RandomDags.generate(size, (int) Math.round(size * degree / 2), seed);
        this.random = new Random(seed * 31 + size);
        this.names = dag.names();
    }

    Dag dag() {
        return dag;
    }

    List<Query> queries(int count) {
        List<Query> queries = new ArrayList<>();
        int givenSize = Math.min(3, names.size() - 2);
        while (queries.size() < count) {
            List<String> picked = distinct(2 + givenSize);
            queries.add(new Query(picked.get(0), picked.get(1), picked.subList(2, picked.size())));
        }
        return queries;
    }

    Row run(List<Query> queries, int rounds) {
        DSeparation separation = new DSeparation(dag);
        List<Boolean> answers = new ArrayList<>();
        for (Query q : queries) {
            answers.add(separation.isSeparated(List.of(q.x()), List.of(q.y()), q.given()));
        }
        double dsep = medianOverEach(queries, rounds,
                q -> separation.isSeparated(List.of(q.x()), List.of(q.y()), q.given()));

        List<String[]> pairs = causePairs(separation);
        double first = medianOverEach(pairs, rounds, p -> {
            Iterator<Set<String>> sets = AdjustmentAnalysis.totalEffect(dag, List.of(p[0]), List.of(p[1])).minimalSetIterator();
            return sets.hasNext() ? sets.next() : null;
        });
        int[] count = {0};
        List<String[]> fewPairs = pairs.subList(0, Math.min(5, pairs.size()));
        double all = medianOverEach(fewPairs, Math.max(1, rounds / 2), p -> {
            AdjustmentResult result = AdjustmentAnalysis.totalEffect(dag, List.of(p[0]), List.of(p[1])).minimalSets(SET_LIMIT);
            count[0] = Math.max(count[0], result instanceof AdjustmentResult.AdjustmentSets s ? s.sets().size() : 1);
            return result;
        });
        int[] implications = {0};
        double implicationTime = median(Math.max(1, rounds / 2), () -> {
            TestableImplications.Listing listing = new TestableImplications(dag).all(IMPLICATION_LIMIT, CancellationToken.none());
            implications[0] = listing.implications().size();
            return listing;
        });
        return new Row(dag.size(), dag.edgeCount(), dsep, first, all, count[0], implicationTime, implications[0], answers);
    }

    /** Pairs (x, y) where x causes y, so the adjustment question is not trivial. */
    private List<String[]> causePairs(DSeparation separation) {
        List<String[]> pairs = new ArrayList<>();
        for (int attempt = 0; attempt < 100 * ADJUSTMENT_PAIRS && pairs.size() < ADJUSTMENT_PAIRS; attempt++) {
            String y = names.get(random.nextInt(names.size()));
            List<String> causes = new ArrayList<>(separation.ancestors(List.of(y)));
            causes.remove(y);
            if (!causes.isEmpty()) {
                pairs.add(new String[] {causes.get(random.nextInt(causes.size())), y});
            }
        }
        return pairs;
    }

    private List<String> distinct(int count) {
        Set<String> picked = new HashSet<>();
        List<String> result = new ArrayList<>();
        while (result.size() < count) {
            String name = names.get(random.nextInt(names.size()));
            if (picked.add(name)) {
                result.add(name);
            }
        }
        return result;
    }

    /** Warm-up passes over all inputs, then {@code rounds} timed passes; the median of all single timings. */
    static <T> double medianOverEach(List<T> inputs, int rounds, java.util.function.Function<T, Object> work) {
        Object sink = null;
        long warmUpEnd = System.nanoTime() + 1_000_000_000L;
        int passes = 0;
        while (passes < 3 || (System.nanoTime() < warmUpEnd && passes < 50)) {
            for (T input : inputs) {
                sink = work.apply(input);
            }
            passes++;
        }
        long[] times = new long[inputs.size() * rounds];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (T input : inputs) {
                long start = System.nanoTime();
                sink = work.apply(input);
                times[k++] = System.nanoTime() - start;
            }
        }
        Blackhole.consume(sink);
        return median(times);
    }

    static double median(int rounds, Supplier<Object> work) {
        Blackhole.consume(work.get());
        long[] times = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            Blackhole.consume(work.get());
            times[r] = System.nanoTime() - start;
        }
        return median(times);
    }

    static double median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Keeps results reachable so the JIT cannot drop the work that produced them. */
    static final class Blackhole {
        private static volatile int hash;

        private Blackhole() {
        }

        static void consume(Object value) {
            hash ^= System.identityHashCode(value);
        }
    }

    /** Vertex numbers for the networkx script. */
    Map<String, Integer> numbering() {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }
}
