package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.task.CancellationToken;

/**
 * Properties checked on thousands of seeded random DAGs of 4 to 12 variables (some latent) against
 * definitions evaluated by listing every path and every subset: the minimal adjustment sets are
 * exactly the minimal valid sets, d-separation matches path blocking, every testable implication is
 * a minimal d-separation, and every separable non-adjacent pair is covered. Each graph is its own
 * test, named by its seed, so a failure names a graph that can be rebuilt.
 */
class RandomGraphPropertiesTest {
    private static final int GRAPHS = 2_500;

    @TestFactory
    Stream<DynamicTest> randomGraphs() {
        return IntStream.range(0, GRAPHS).mapToObj(i -> {
            long seed = 100_000L + i;
            return DynamicTest.dynamicTest("graph " + seed, () -> check(seed));
        });
    }

    private static void check(long seed) {
        Random random = new Random(seed);
        int n = 4 + random.nextInt(9);
        // about three edges per variable, whatever the size
        double p = Math.min(0.6, 3.0 / (n - 1)) * (0.5 + random.nextDouble() * 0.5);
        Dag dag = BruteForce.randomDag(seed, n, p, 0.15);
        Paths paths = new Paths(dag);
        List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
        checkDSeparation(dag, paths, random);
        if (observed.size() >= 3) {
            checkAdjustment(dag, paths, observed, random);
        }
        checkImplications(dag, paths, observed);
    }

    private static void checkDSeparation(Dag dag, Paths paths, Random random) {
        DSeparation d = new DSeparation(dag);
        List<String> names = new ArrayList<>(dag.names());
        for (int k = 0; k < 5; k++) {
            Collections.shuffle(names, random);
            Set<String> z = new HashSet<>();
            names.subList(2, names.size()).forEach(v -> {
                if (random.nextInt(3) == 0) {
                    z.add(v);
                }
            });
            boolean expected = paths.between(names.get(0), names.get(1)).stream().noneMatch(q -> paths.open(q, z));
            assertThat(d.isSeparated(List.of(names.get(0)), List.of(names.get(1)), z))
                    .as("%s _||_ %s | %s in %s", names.get(0), names.get(1), z, dag).isEqualTo(expected);
        }
    }

    private static void checkAdjustment(Dag dag, Paths paths, List<String> observed, Random random) {
        List<String> shuffled = new ArrayList<>(observed);
        Collections.shuffle(shuffled, random);
        if (dag.indexOf(shuffled.get(0)) > dag.indexOf(shuffled.get(1))) {
            Collections.swap(shuffled, 0, 1);
        }
        String x = shuffled.get(0);
        String y = shuffled.get(1);
        AdjustmentAnalysis analysis = AdjustmentAnalysis.totalEffect(dag, List.of(x), List.of(y));
        // the generalised adjustment criterion by paths: proper non-causal paths blocked, no descendant of a causal-path node
        List<List<String>> proper = paths.between(x, y).stream()
                .filter(q -> !q.subList(1, q.size()).contains(x) && !q.subList(0, q.size() - 1).contains(y)).toList();
        Set<String> forbidden = new HashSet<>();
        for (List<String> q : proper) {
            if (paths.causal(q)) {
                q.subList(1, q.size()).forEach(w -> forbidden.addAll(paths.descendants(w)));
            }
        }
        List<String> pool = observed.stream().filter(v -> !v.equals(x) && !v.equals(y)).toList();
        List<Set<String>> valid = new ArrayList<>();
        for (Set<String> z : BruteForce.subsets(pool)) {
            boolean ok = z.stream().noneMatch(forbidden::contains)
                    && proper.stream().noneMatch(q -> !paths.causal(q) && paths.open(q, z));
            assertThat(analysis.check(z).valid()).as("%s for %s -> %s in %s", z, x, y, dag).isEqualTo(ok);
            if (ok) {
                valid.add(new TreeSet<>(z));
            }
        }
        Set<Set<String>> listed = new HashSet<>();
        analysis.minimalSetIterator().forEachRemaining(s -> listed.add(new TreeSet<>(s)));
        assertThat(listed).as("minimal sets for %s -> %s in %s", x, y, dag).isEqualTo(BruteForce.minimal(valid));
        AdjustmentResult result = analysis.minimalSets(10_000);
        switch (result) {
            case AdjustmentResult.EmptySetSuffices e -> assertThat(listed).containsExactly(Set.of());
            case AdjustmentResult.AdjustmentSets s -> assertThat(listed).doesNotContain(Set.of()).isNotEmpty();
            case AdjustmentResult.NoAdjustmentSet none -> assertThat(valid).isEmpty();
        }
    }

    private static void checkImplications(Dag dag, Paths paths, List<String> observed) {
        List<Independence> listed = new TestableImplications(dag).all(100_000, CancellationToken.none()).implications();
        Map<String, Set<Set<String>>> byPair = new HashMap<>();
        for (Independence i : listed) {
            assertThat(paths.separated(i.x(), i.y(), i.given())).as("%s in %s", i, dag).isTrue();
            for (String dropped : i.given()) {
                Set<String> smaller = new HashSet<>(i.given());
                smaller.remove(dropped);
                assertThat(paths.separated(i.x(), i.y(), smaller)).as("%s is not minimal in %s", i, dag).isFalse();
            }
            byPair.computeIfAbsent(i.x() + "|" + i.y(), k -> new HashSet<>()).add(i.given());
        }
        boolean small = observed.size() <= 8;
        for (String a : observed) {
            for (String b : observed) {
                if (a.compareTo(b) >= 0 || dag.hasEdge(a, b) || dag.hasEdge(b, a)) {
                    continue;
                }
                List<String> pool = observed.stream().filter(v -> !v.equals(a) && !v.equals(b)).toList();
                Set<String> all = new HashSet<>(pool);
                Set<Set<String>> covered = byPair.getOrDefault(a + "|" + b, Set.of());
                if (small) {
                    List<Set<String>> separating = BruteForce.subsets(pool).stream()
                            .filter(z -> paths.separated(a, b, z)).map(z -> (Set<String>) new TreeSet<>(z)).toList();
                    assertThat(covered).as("separators of %s and %s in %s", a, b, dag).isEqualTo(BruteForce.minimal(separating));
                } else if (paths.separated(a, b, ancestorsWithin(dag, a, b, all))) {
                    // the ancestral set separates whenever any set does (Lauritzen's lemma)
                    assertThat(covered).as("pair %s, %s in %s", a, b, dag).isNotEmpty();
                }
            }
        }
    }

    private static Set<String> ancestorsWithin(Dag dag, String a, String b, Set<String> within) {
        Set<String> result = new HashSet<>();
        for (String v : within) {
            if (dag.directedPath(v, a).isPresent() || dag.directedPath(v, b).isPresent()) {
                result.add(v);
            }
        }
        return result;
    }

    /** Every simple path of a small graph, enumerated once, with collider-aware blocking by definition. */
    private static final class Paths {
        private final Dag dag;
        private final Map<String, List<List<String>>> cache = new HashMap<>();
        private final Map<String, Set<String>> descendants = new HashMap<>();

        Paths(Dag dag) {
            this.dag = dag;
            for (String v : dag.names()) {
                Set<String> down = new HashSet<>();
                for (String w : dag.names()) {
                    if (dag.directedPath(v, w).isPresent()) {
                        down.add(w);
                    }
                }
                descendants.put(v, down);
            }
        }

        List<List<String>> between(String a, String b) {
            return cache.computeIfAbsent(a + "\u0000" + b, k -> BruteForce.paths(dag, a, b));
        }

        Set<String> descendants(String v) {
            return descendants.get(v);
        }

        boolean causal(List<String> path) {
            return BruteForce.causal(dag, path);
        }

        boolean open(List<String> path, Set<String> given) {
            for (int i = 1; i < path.size() - 1; i++) {
                String v = path.get(i);
                if (dag.hasEdge(path.get(i - 1), v) && dag.hasEdge(path.get(i + 1), v)) {
                    if (descendants.get(v).stream().noneMatch(given::contains)) {
                        return false;
                    }
                } else if (given.contains(v)) {
                    return false;
                }
            }
            return true;
        }

        boolean separated(String a, String b, Set<String> given) {
            return between(a, b).stream().noneMatch(q -> open(q, given));
        }
    }
}
