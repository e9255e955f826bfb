package org.recausal.engine.simulate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recausal.engine.bn.DiscreteBayesNet;

/**
 * Exact interventional distributions of a discrete Bayesian network: P(target | do(X = x)) by variable
 * elimination on the network with the intervened variables' tables replaced by their set states (the truncated
 * factorisation), over the target's ancestors only. Elimination order: greedily the variable whose elimination
 * makes the smallest table.
 */
public final class ExactInference {

    private ExactInference() {
    }

    /**
     * @param settings state of each intervened variable
     * @return P(target = state) for each of the target's states, in state order
     */
    public static double[] interventional(DiscreteBayesNet net, Map<String, String> settings, String target) {
        if (settings.containsKey(target)) {
            double[] point = new double[net.states(target).size()];
            point[net.states(target).indexOf(settings.get(target))] = 1;
            return point;
        }
        Set<String> relevant = ancestorsCut(net, target, settings.keySet());
        List<String> variables = new ArrayList<>(relevant);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            index.put(variables.get(i), i);
        }
        int[] cardinality = variables.stream().mapToInt(v -> net.states(v).size()).toArray();
        List<Factor> factors = new ArrayList<>();
        for (String name : variables) {
            factors.add(tableFactor(net, name, settings, index, cardinality));
        }
        Set<Integer> toEliminate = new LinkedHashSet<>();
        for (String name : variables) {
            if (!name.equals(target)) {
                toEliminate.add(index.get(name));
            }
        }
        while (!toEliminate.isEmpty()) {
            int best = -1;
            long bestSize = Long.MAX_VALUE;
            for (int v : toEliminate) {
                long size = 1;
                Set<Integer> scope = new LinkedHashSet<>();
                for (Factor f : factors) {
                    if (f.has(v)) {
                        for (int u : f.variables) {
                            scope.add(u);
                        }
                    }
                }
                for (int u : scope) {
                    size *= cardinality[u];
                }
                if (size < bestSize) {
                    bestSize = size;
                    best = v;
                }
            }
            toEliminate.remove(best);
            List<Factor> touching = new ArrayList<>();
            List<Factor> rest = new ArrayList<>();
            for (Factor f : factors) {
                (f.has(best) ? touching : rest).add(f);
            }
            Factor product = touching.getFirst();
            for (int k = 1; k < touching.size(); k++) {
                product = product.times(touching.get(k), cardinality);
            }
            rest.add(product.sumOut(best, cardinality));
            factors = rest;
        }
        Factor result = factors.getFirst();
        for (int k = 1; k < factors.size(); k++) {
            result = result.times(factors.get(k), cardinality);
        }
        int t = index.get(target);
        double[] distribution = new double[cardinality[t]];
        double total = 0;
        for (int s = 0; s < distribution.length; s++) {
            distribution[s] = result.variables.length == 0 ? result.values[0] : result.values[s];
            total += distribution[s];
        }
        for (int s = 0; s < distribution.length; s++) {
            distribution[s] /= total;
        }
        return distribution;
    }

    /** The target and its ancestors, not going past intervened variables (their parents no longer matter). */
    private static Set<String> ancestorsCut(DiscreteBayesNet net, String target, Set<String> intervened) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(target));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (found.add(name) && !intervened.contains(name)) {
                todo.addAll(net.parents(name));
            }
        }
        found.removeAll(intervened);
        return found;
    }

    /** A variable's table as a factor over it and its non-intervened parents, intervened parents fixed. */
    private static Factor tableFactor(DiscreteBayesNet net, String name, Map<String, String> settings,
            Map<String, Integer> index, int[] cardinality) {
        List<String> parents = net.parents(name);
        List<Integer> free = new ArrayList<>();
        free.add(index.get(name));
        for (String parent : parents) {
            if (!settings.containsKey(parent)) {
                free.add(index.get(parent));
            }
        }
        int[] scope = free.stream().mapToInt(Integer::intValue).toArray();
        int size = 1;
        for (int v : scope) {
            size *= cardinality[v];
        }
        double[] values = new double[size];
        int[] states = new int[scope.length];
        List<String> parentStates = new ArrayList<>(parents);
        for (int cell = 0; cell < size; cell++) {
            int rest = cell;
            for (int k = 0; k < scope.length; k++) {
                states[k] = rest % cardinality[scope[k]];
                rest /= cardinality[scope[k]];
            }
            int k = 1;
            for (int p = 0; p < parents.size(); p++) {
                String parent = parents.get(p);
                parentStates.set(p, settings.containsKey(parent) ? settings.get(parent)
                        : net.states(parent).get(states[k++]));
            }
            values[cell] = net.probability(name, parentStates)[states[0]];
        }
        return new Factor(scope, values);
    }

    /** A table over variables (first varying fastest). */
    private record Factor(int[] variables, double[] values) {
        boolean has(int v) {
            for (int u : variables) {
                if (u == v) {
                    return true;
                }
            }
            return false;
        }

        Factor times(Factor other, int[] cardinality) {
            Set<Integer> union = new LinkedHashSet<>();
            for (int v : variables) {
                union.add(v);
            }
            for (int v : other.variables) {
                union.add(v);
            }
            int[] scope = union.stream().mapToInt(Integer::intValue).toArray();
            int size = 1;
            for (int v : scope) {
                size *= cardinality[v];
            }
            double[] product = new double[size];
            int[] states = new int[scope.length];
            for (int cell = 0; cell < size; cell++) {
                int rest = cell;
                for (int k = 0; k < scope.length; k++) {
                    states[k] = rest % cardinality[scope[k]];
                    rest /= cardinality[scope[k]];
                }
                product[cell] = values[offset(scope, states, cardinality)]
                        * other.values[other.offset(scope, states, cardinality)];
            }
            return new Factor(scope, product);
        }

        /** This factor's cell for the given states of a larger scope. */
        int offset(int[] scope, int[] states, int[] cardinality) {
            int offset = 0;
            int stride = 1;
            for (int v : variables) {
                for (int k = 0; k < scope.length; k++) {
                    if (scope[k] == v) {
                        offset += states[k] * stride;
                        break;
                    }
                }
                stride *= cardinality[v];
            }
            return offset;
        }

        Factor sumOut(int v, int[] cardinality) {
            int[] scope = java.util.Arrays.stream(variables).filter(u -> u != v).toArray();
            int size = 1;
            for (int u : scope) {
                size *= cardinality[u];
            }
            double[] sums = new double[size];
            int[] states = new int[variables.length];
            for (int cell = 0; cell < values.length; cell++) {
                int rest = cell;
                for (int k = 0; k < variables.length; k++) {
                    states[k] = rest % cardinality[variables[k]];
                    rest /= cardinality[variables[k]];
                }
                int target = 0;
                int stride = 1;
                for (int k = 0; k < variables.length; k++) {
                    if (variables[k] != v) {
                        target += states[k] * stride;
                        stride *= cardinality[variables[k]];
                    }
                }
                sums[target] += values[cell];
            }
            return new Factor(scope, sums);
        }
    }
}
