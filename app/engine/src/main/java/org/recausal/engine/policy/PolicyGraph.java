package org.recausal.engine.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.scm.Confounding;
import org.recausal.engine.scm.LatentProjection;
import org.recausal.engine.scm.ScmException;

/**
 * Which mechanisms a policy simulation fits, and on what. The policy changes one variable, the target (the
 * served score, or exposure); the logged rows keep every variable the target does not affect (the context, the
 * target's logged value included), and the target's descendants are simulated. A descendant no latent variable
 * reaches (a ranking node such as exposure or position) keeps its causal mechanism given its graph parents, and
 * reads the policy's target value. A descendant a latent variable reaches (a response node such as click or
 * purchase) is fitted on the history before it (the context, then the earlier descendants), as far as its law
 * given that history depends on it: its c-component in that history and their parents (Tian and Pearl's
 * c-factor lemma). That is the sequential g-formula: as the ranking nodes depend only on the context and their
 * own noise, the response nodes' joint law given the context and the ranking decisions is causal even though a
 * latent taste drives both the score and the purchase, so the history-conditioned mechanisms simulate them
 * without bias.
 * When the target is itself confounded (the score, which reads the user's latent taste), response nodes read its
 * logged value, which carries that taste; the policy reaches them only through the ranking nodes.
 *
 * @param inputs the fitted inputs of the target and of every descendant
 */
record PolicyGraph(String target, boolean targetConfounded, List<String> context, List<String> downstream,
        Set<String> response, Map<String, List<String>> inputs) {

    /** @throws ScmException when the target is not an observed variable or its effect is not identified this way */
    static PolicyGraph of(Dag dag, String target) {
        if (!dag.contains(target)) {
            throw new ScmException("the graph has no variable '" + target + "'");
        }
        LatentProjection projection = LatentProjection.of(dag);
        if (!projection.observed().contains(target)) {
            throw new ScmException("the policy acts on " + target + ", which the graph marks latent");
        }
        Set<String> confounded = new LinkedHashSet<>();
        projection.confounding().stream().map(Confounding::affected).forEach(confounded::addAll);
        Set<String> descendants = descendants(projection, target);
        List<String> context = new ArrayList<>();
        List<String> downstream = new ArrayList<>();
        for (String name : projection.observed()) {
            (descendants.contains(name) ? downstream : context).add(name);
        }
        boolean targetConfounded = confounded.contains(target);
        Set<String> response = new LinkedHashSet<>();
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        inputs.put(target, projection.parents().get(target));
        // Context first, then the descendants: a causal order, as nothing in the context descends from the target.
        List<String> order = new ArrayList<>(context);
        for (String node : downstream) {
            List<String> parents = projection.parents().get(node);
            if (confounded.contains(node)) {
                if (targetConfounded && parents.contains(target)) {
                    throw new ScmException(node + " reads " + target + " directly, and a latent variable affects both;"
                            + " the log cannot tell the policy's effect on " + node + " from that confounding");
                }
                response.add(node);
            }
            order.add(node);
            inputs.put(node, cFactorInputs(node, order, projection));
        }
        return new PolicyGraph(target, targetConfounded, List.copyOf(context), List.copyOf(downstream),
                Set.copyOf(response), Map.copyOf(inputs));
    }

    /**
     * What a node's law given everything before it in {@code order} depends on (Tian and Pearl's c-factor
     * lemma): its c-component among those variables (the variables linked to it through latent confounders) and
     * their parents. A node no latent variable reaches depends on its parents only.
     */
    private static List<String> cFactorInputs(String node, List<String> order, LatentProjection projection) {
        Set<String> before = Set.copyOf(order);
        Set<String> component = new LinkedHashSet<>(List.of(node));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Confounding c : projection.confounding()) {
                if (c.affected().stream().anyMatch(component::contains)) {
                    grew |= c.affected().stream().filter(before::contains).map(component::add)
                            .reduce(false, Boolean::logicalOr);
                }
            }
        }
        Set<String> inputs = new LinkedHashSet<>(component);
        component.forEach(v -> inputs.addAll(projection.parents().get(v)));
        inputs.remove(node);
        return order.stream().filter(inputs::contains).toList();
    }

    private static Set<String> descendants(LatentProjection projection, String target) {
        Set<String> found = new LinkedHashSet<>();
        found.add(target);
        for (String name : projection.observed()) {
            if (projection.parents().get(name).stream().anyMatch(found::contains)) {
                found.add(name);
            }
        }
        found.remove(target);
        return found;
    }

    /** Whether a node reads the policy's value of the target (else its logged value) in the policy's world. */
    boolean readsPolicyTarget(String node) {
        return !response.contains(node) || !targetConfounded;
    }

    /** The graph the mechanisms are fitted to: observed variables only, each with its fitted inputs as parents. */
    Dag modelDag(Dag dag) {
        Dag model = new Dag();
        List<String> fitted = new ArrayList<>(context);
        fitted.addAll(downstream);
        for (String name : fitted) {
            model.addVariable(dag.require(name));
        }
        inputs.forEach((node, parents) -> parents.forEach(parent -> model.addEdge(parent, node)));
        return model;
    }
}
