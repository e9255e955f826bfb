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
 * purchase) is fitted on the whole history before it: the context and the earlier descendants. That is the
 * sequential g-formula: as the ranking nodes depend only on the context and their own noise, the
 * response nodes' joint law given the context and the ranking decisions is causal even though a latent taste
 * drives both the score and the purchase, so the history-conditioned mechanisms simulate them without bias.
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
        List<String> history = new ArrayList<>(context);
        for (String node : downstream) {
            List<String> parents = projection.parents().get(node);
            if (confounded.contains(node)) {
                if (targetConfounded && parents.contains(target)) {
                    throw new ScmException(node + " reads " + target + " directly, and a latent variable affects both;"
                            + " the log cannot tell the policy's effect on " + node + " from that confounding");
                }
                response.add(node);
                inputs.put(node, List.copyOf(history));
            } else {
                inputs.put(node, parents);
            }
            history.add(node);
        }
        return new PolicyGraph(target, targetConfounded, List.copyOf(context), List.copyOf(downstream),
                Set.copyOf(response), Map.copyOf(inputs));
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
