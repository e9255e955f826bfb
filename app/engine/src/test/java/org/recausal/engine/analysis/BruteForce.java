package org.recausal.engine.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * Definitions straight from the textbooks, by enumerating every path: slow, obviously right, and
 * independent of the linear-time code they check.
 */
final class BruteForce {
    private BruteForce() {
    }

    /** A seeded random DAG on v0..v(n-1): edge i -> j (i < j) with probability {@code p}, roles drawn too. */
    static Dag randomDag(long seed, int n, double p, double latentShare) {
        Random random = new Random(seed);
        Dag dag = new Dag();
        for (int i = 0; i < n; i++) {
            Role role = random.nextDouble() < latentShare ? Role.LATENT : Role.ORDINARY;
            dag.addVariable(Variable.of("v" + i, role, DataType.CONTINUOUS));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextDouble() < p) {
                    dag.addEdge("v" + i, "v" + j);
                }
            }
        }
        return dag;
    }

    /** All simple paths between a and b in the skeleton, as node lists. */
    static List<List<String>> paths(Dag dag, String a, String b) {
        List<List<String>> result = new ArrayList<>();
        List<String> current = new ArrayList<>(List.of(a));
        walk(dag, b, current, result);
        return result;
    }

    private static void walk(Dag dag, String target, List<String> current, List<List<String>> result) {
        String last = current.getLast();
        if (last.equals(target)) {
            result.add(List.copyOf(current));
            return;
        }
        Set<String> next = new LinkedHashSet<>(dag.children(last));
        next.addAll(dag.parents(last));
        for (String w : next) {
            if (!current.contains(w)) {
                current.add(w);
                walk(dag, target, current, result);
                current.removeLast();
            }
        }
    }

    static boolean open(Dag dag, List<String> path, Collection<String> given) {
        for (int i = 1; i < path.size() - 1; i++) {
            String v = path.get(i);
            boolean collider = dag.hasEdge(path.get(i - 1), v) && dag.hasEdge(path.get(i + 1), v);
            if (collider) {
                boolean opened = given.stream().anyMatch(z -> z.equals(v) || dag.directedPath(v, z).isPresent());
                if (!opened) {
                    return false;
                }
            } else if (given.contains(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean causal(Dag dag, List<String> path) {
        for (int i = 0; i < path.size() - 1; i++) {
            if (!dag.hasEdge(path.get(i), path.get(i + 1))) {
                return false;
            }
        }
        return true;
    }

    static boolean separated(Dag dag, Collection<String> x, Collection<String> y, Collection<String> given) {
        for (String a : x) {
            for (String b : y) {
                for (List<String> path : paths(dag, a, b)) {
                    if (open(dag, path, given)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Proper paths: only the first node is an exposure, only the last an outcome. */
    static List<List<String>> properPaths(Dag dag, Collection<String> x, Collection<String> y) {
        List<List<String>> result = new ArrayList<>();
        for (String a : x) {
            for (String b : y) {
                for (List<String> path : paths(dag, a, b)) {
                    List<String> inner = path.subList(1, path.size() - 1);
                    if (inner.stream().noneMatch(v -> x.contains(v) || y.contains(v))) {
                        result.add(path);
                    }
                }
            }
        }
        return result;
    }

    /** Shpitser, VanderWeele &amp; Robins' adjustment criterion, by paths. */
    static boolean validAdjustment(Dag dag, Collection<String> x, Collection<String> y, Collection<String> z) {
        if (z.stream().anyMatch(v -> x.contains(v) || y.contains(v) || dag.require(v).isLatent())) {
            return false;
        }
        Set<String> onCausalPaths = new HashSet<>();
        for (List<String> path : properPaths(dag, x, y)) {
            if (causal(dag, path)) {
                onCausalPaths.addAll(path.subList(1, path.size()));
            } else if (open(dag, path, z)) {
                return false;
            }
        }
        for (String w : onCausalPaths) {
            for (String v : z) {
                if (v.equals(w) || dag.directedPath(w, v).isPresent()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** All subsets of {@code pool}. */
    static List<Set<String>> subsets(List<String> pool) {
        List<Set<String>> result = new ArrayList<>();
        for (int mask = 0; mask < (1 << pool.size()); mask++) {
            Set<String> subset = new HashSet<>();
            for (int i = 0; i < pool.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(pool.get(i));
                }
            }
            result.add(subset);
        }
        return result;
    }

    /** Members of {@code valid} with no proper subset in {@code valid}. */
    static Set<Set<String>> minimal(List<Set<String>> valid) {
        Set<Set<String>> result = new HashSet<>();
        for (Set<String> candidate : valid) {
            boolean minimal = valid.stream().noneMatch(o -> o.size() < candidate.size() && candidate.containsAll(o));
            if (minimal) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Pearl's front-door criterion by listing paths (proper back-door paths from Z for condition iii). */
    static boolean frontDoor(Dag dag, String x, String y, Set<String> z) {
        if (z.contains(x) || z.contains(y) || z.stream().anyMatch(v -> dag.require(v).isLatent())) {
            return false;
        }
        for (List<String> path : paths(dag, x, y)) {
            if (causal(dag, path) && path.stream().noneMatch(z::contains)) {
                return false;
            }
        }
        for (String v : z) {
            for (List<String> path : paths(dag, x, v)) {
                if (dag.hasEdge(path.get(1), x) && open(dag, path, Set.of())) {
                    return false;
                }
            }
            for (List<String> path : paths(dag, v, y)) {
                boolean proper = path.stream().filter(z::contains).count() == 1;
                if (proper && dag.hasEdge(path.get(1), v) && open(dag, path, Set.of(x))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether {@code z} is a conditional instrument given {@code w} as DAGitty defines it: w holds no
     * mediator, latent variable or descendant of Y, separates z from Y and leaves z connected to X, both
     * in the DAG without the first edges of the causal paths from X to Y.
     */
    static boolean instrument(Dag dag, String x, String y, String z, Set<String> w) {
        Dag backDoor = properBackDoorGraph(dag, x, y);
        Set<String> mediators = new HashSet<>();
        for (List<String> path : paths(dag, x, y)) {
            if (causal(dag, path)) {
                mediators.addAll(path.subList(1, path.size() - 1));
            }
        }
        for (String v : w) {
            if (v.equals(x) || v.equals(y) || v.equals(z) || mediators.contains(v) || dag.require(v).isLatent()
                    || v.equals(y) || backDoor.directedPath(y, v).isPresent()) {
                return false;
            }
        }
        return separated(backDoor, List.of(z), List.of(y), w) && !separated(backDoor, List.of(x), List.of(z), w);
    }

    /** The DAG without the first edge of every directed path from x to y. */
    static Dag properBackDoorGraph(Dag dag, String x, String y) {
        Dag backDoor = dag.copy();
        for (List<String> path : paths(dag, x, y)) {
            if (causal(dag, path) && backDoor.hasEdge(x, path.get(1))) {
                backDoor.removeEdge(x, path.get(1));
            }
        }
        return backDoor;
    }

    /** Variables with a directed path to y or z in the proper back-door graph. */
    static Set<String> ancestorsInBackDoorGraph(Dag dag, String x, String y, String z) {
        Dag backDoor = properBackDoorGraph(dag, x, y);
        Set<String> result = new HashSet<>();
        for (String v : dag.names()) {
            if (backDoor.directedPath(v, y).isPresent() || backDoor.directedPath(v, z).isPresent()) {
                result.add(v);
            }
        }
        return result;
    }
}
