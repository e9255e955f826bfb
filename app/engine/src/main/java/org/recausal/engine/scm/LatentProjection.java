package org.recausal.engine.scm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

/**
 * The graph over the observed variables that a DAG with latent ones implies (Verma's latent projection): an
 * observed variable's parents are the observed variables with a directed path to it through latent ones only, and
 * a latent variable reaching two or more observed ones that way confounds them.
 *
 * @param observed    observed variables, causes before effects
 * @param parents     projected parents of each observed variable, in graph order
 * @param confounding each latent variable that reaches two or more observed variables
 */
public record LatentProjection(List<String> observed, Map<String, List<String>> parents,
        List<Confounding> confounding) {

    public static LatentProjection of(Dag dag) {
        List<String> observed = new ArrayList<>();
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (String name : dag.topologicalOrder()) {
            if (!isLatent(dag, name)) {
                observed.add(name);
                Set<String> found = new LinkedHashSet<>();
                collectObservedAncestors(dag, name, found, new LinkedHashSet<>());
                parents.put(name, inGraphOrder(dag, found));
            }
        }
        List<Confounding> confounding = new ArrayList<>();
        for (String name : dag.topologicalOrder()) {
            if (isLatent(dag, name)) {
                Set<String> reached = new LinkedHashSet<>();
                collectObservedDescendants(dag, name, reached, new LinkedHashSet<>());
                if (reached.size() >= 2) {
                    confounding.add(new Confounding(name, inGraphOrder(dag, reached)));
                }
            }
        }
        return new LatentProjection(List.copyOf(observed), Map.copyOf(parents), List.copyOf(confounding));
    }

    private static boolean isLatent(Dag dag, String name) {
        return dag.require(name).role() == Role.LATENT;
    }

    private static void collectObservedAncestors(Dag dag, String name, Set<String> found, Set<String> visited) {
        for (String parent : dag.parents(name)) {
            if (!isLatent(dag, parent)) {
                found.add(parent);
            } else if (visited.add(parent)) {
                collectObservedAncestors(dag, parent, found, visited);
            }
        }
    }

    private static void collectObservedDescendants(Dag dag, String name, Set<String> found, Set<String> visited) {
        for (String child : dag.children(name)) {
            if (!isLatent(dag, child)) {
                found.add(child);
            } else if (visited.add(child)) {
                collectObservedDescendants(dag, child, found, visited);
            }
        }
    }

    private static List<String> inGraphOrder(Dag dag, Set<String> names) {
        return dag.names().stream().filter(names::contains).toList();
    }
}
