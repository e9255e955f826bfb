package org.recausal.engine.scm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recausal.engine.model.Scale;
import org.recausal.engine.task.CancellationToken;

/**
 * Variables, each with a scale and a {@link Mechanism} of its parents, listed causes before effects. Draws samples
 * of the world as it is or under {@link Intervention}s, reproducibly from a seed. A model fitted to a graph with
 * latent variables also knows which observed variables those confound ({@link #confounding()}), and refuses
 * questions whose answer they would bias ({@link #unanswerable}).
 */
public final class StructuralCausalModel {

    /** One variable of the model. */
    public record Node(String name, Scale scale, Mechanism mechanism) {
    }

    private final List<Node> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Confounding> confounding;

    /** @throws IllegalArgumentException when a parent is unknown or listed after its child */
    public StructuralCausalModel(List<Node> nodes, List<Confounding> confounding) {
        this.nodes = List.copyOf(nodes);
        this.confounding = List.copyOf(confounding);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            for (String parent : node.mechanism().parents()) {
                Integer p = index.get(parent);
                if (p == null) {
                    throw new IllegalArgumentException("the mechanism of '" + node.name() + "' reads '" + parent
                            + "', which is not listed before it");
                }
            }
            if (index.put(node.name(), i) != null) {
                throw new IllegalArgumentException("two variables named '" + node.name() + "'");
            }
        }
    }

    public StructuralCausalModel(List<Node> nodes) {
        this(nodes, List.of());
    }

    /** Variable names, causes before effects. */
    public List<String> names() {
        return nodes.stream().map(Node::name).toList();
    }

    public List<Node> nodes() {
        return nodes;
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    public Node node(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new ScmException("the model has no variable '" + name + "'; its variables are "
                    + String.join(", ", names()));
        }
        return nodes.get(i);
    }

    int position(String name) {
        node(name);
        return index.get(name);
    }

    public Scale scale(String name) {
        return node(name).scale();
    }

    public List<String> parents(String name) {
        return node(name).mechanism().parents();
    }

    /** Latent variables that affect several of the modelled ones (empty for a model with nothing unobserved). */
    public List<Confounding> confounding() {
        return confounding;
    }

    /** A sample of the world as it is. */
    public Observations sample(int rows, long seed) {
        return sample(List.of(), rows, seed, CancellationToken.none());
    }

    public Observations sample(List<Intervention> interventions, int rows, long seed) {
        return sample(interventions, rows, seed, CancellationToken.none());
    }

    /**
     * A sample of the world under the interventions. The same seed gives the same noise to every mechanism the
     * interventions leave in place, so two calls differ only through the interventions (common random numbers).
     *
     * @throws ScmException when an intervention does not fit its variable or its rule would make a cycle
     */
    public Observations sample(List<Intervention> interventions, int rows, long seed, CancellationToken cancel) {
        return new InterventionSampler(this, interventions).sample(rows, seed, cancel);
    }

    /** Every ancestor of the given variables, and they themselves. */
    public Set<String> ancestorsOf(Collection<String> names) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (found.add(name)) {
                todo.addAll(parents(name));
            }
        }
        return found;
    }

    /** Every descendant of the given variables, and they themselves. */
    public Set<String> descendantsOf(Collection<String> names) {
        Set<String> found = new LinkedHashSet<>(names);
        for (Node node : nodes) {
            if (node.mechanism().parents().stream().anyMatch(found::contains)) {
                found.add(node.name());
            }
        }
        return found;
    }

    /**
     * Why the model cannot answer a question about {@code outcomes} under interventions on {@code targets}, or
     * empty when it can. A mechanism fitted to observed data is causal only when no latent variable links it to
     * another variable the answer depends on; such links among the intervened variables themselves do no harm
     * to an interventional question ({@code amongTargetsAllowed}), but do to a counterfactual one.
     */
    public Optional<String> unanswerable(Collection<String> targets, Collection<String> outcomes,
            boolean amongTargetsAllowed) {
        List<String> involved = new ArrayList<>(targets);
        involved.addAll(outcomes);
        Set<String> relevant = ancestorsOf(involved);
        for (Confounding c : confounding) {
            List<String> hit = c.affected().stream().filter(relevant::contains).toList();
            boolean harmless = hit.size() < 2 || amongTargetsAllowed && targets.containsAll(hit);
            if (!harmless) {
                return Optional.of("the latent variable " + c.latent() + " affects " + String.join(" and ", hit)
                        + ", on which the answer depends; a model fitted to the observed data mixes that"
                        + " confounding into their mechanisms, so it cannot simulate this without bias");
            }
        }
        return Optional.empty();
    }
}
