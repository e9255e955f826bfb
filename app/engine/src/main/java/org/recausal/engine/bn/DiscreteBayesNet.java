package org.recausal.engine.bn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Bayesian network over categorical variables: for every variable its states, its parents and one
 * conditional distribution per combination of parent states. Validated on construction (states unique,
 * parents known, one row per parent combination, rows of the right length summing to 1), so a simulation
 * can draw from it without further checks. Immutable.
 *
 * <p>Parent combinations are numbered with the <em>first</em> parent varying fastest, the order bnlearn
 * writes its rows in.
 */
public final class DiscreteBayesNet {
    /** Tolerance for a row of probabilities to count as summing to one. */
    public static final double SUM_TOLERANCE = 1e-6;

    /** One variable with its conditional probability table; {@code rows.get(c)} is the distribution for combination c. */
    public record Node(String name, List<String> states, List<String> parents, List<double[]> rows) {
        public Node {
            Objects.requireNonNull(name, "name");
            states = List.copyOf(states);
            parents = List.copyOf(parents);
            rows = rows.stream().map(double[]::clone).toList();
            if (states.isEmpty()) {
                throw new IllegalArgumentException("variable '" + name + "' has no states");
            }
            if (new HashSet<>(states).size() != states.size()) {
                throw new IllegalArgumentException("variable '" + name + "' lists a state twice: " + states);
            }
            if (new HashSet<>(parents).size() != parents.size() || parents.contains(name)) {
                throw new IllegalArgumentException("variable '" + name + "' has repeated or self parents: " + parents);
            }
            for (int r = 0; r < rows.size(); r++) {
                checkRow(name, "row " + (r + 1), rows.get(r), states.size());
            }
        }

        @Override
        public List<double[]> rows() {
            return rows.stream().map(double[]::clone).toList();
        }
    }

    /**
     * Checks one conditional distribution of {@code variable}: one probability per state, each in [0, 1],
     * summing to 1 within {@link #SUM_TOLERANCE}. {@code label} says which row, for the message.
     */
    public static void checkRow(String variable, String label, double[] row, int states) {
        if (row.length != states) {
            throw new IllegalArgumentException(label + " of '" + variable + "' has " + row.length
                    + " probabilities but the variable has " + states + " states");
        }
        double sum = 0;
        for (double p : row) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(label + " of '" + variable + "' has the probability " + p
                        + ", outside [0, 1]");
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(label + " of '" + variable + "' sums to " + sum + ", not 1");
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    /** @throws IllegalArgumentException naming the variable when the tables do not fit together */
    public DiscreteBayesNet(List<Node> nodes) {
        for (Node node : nodes) {
            if (this.nodes.putIfAbsent(node.name(), node) != null) {
                throw new IllegalArgumentException("variable '" + node.name() + "' has two probability tables");
            }
        }
        for (Node node : nodes) {
            int combinations = 1;
            for (String parent : node.parents()) {
                Node p = this.nodes.get(parent);
                if (p == null) {
                    throw new IllegalArgumentException("variable '" + node.name() + "' has the unknown parent '"
                            + parent + "'");
                }
                combinations *= p.states().size();
            }
            if (node.rows.size() != combinations) {
                throw new IllegalArgumentException("variable '" + node.name() + "' has " + node.rows.size()
                        + " rows but its parents have " + combinations + " combinations of states");
            }
        }
        checkAcyclic();
    }

    public List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<String> states(String variable) {
        return node(variable).states();
    }

    public List<String> parents(String variable) {
        return node(variable).parents();
    }

    /** The distribution of {@code variable} over its states, given one state per parent in parent order. */
    public double[] probability(String variable, List<String> parentStates) {
        Node node = node(variable);
        return node.rows.get(combination(node, parentStates)).clone();
    }

    /** P(variable = state | parents = parentStates). */
    public double probability(String variable, String state, List<String> parentStates) {
        Node node = node(variable);
        int index = node.states().indexOf(state);
        if (index < 0) {
            throw new IllegalArgumentException("'" + state + "' is not a state of '" + variable + "' "
                    + node.states());
        }
        return node.rows.get(combination(node, parentStates))[index];
    }

    /** The parent states of combination {@code index} (first parent fastest), the inverse of the row lookup. */
    public List<String> parentStates(String variable, int index) {
        Node node = node(variable);
        List<String> states = new ArrayList<>();
        int rest = index;
        for (String parent : node.parents()) {
            List<String> parentStates = states(parent);
            states.add(parentStates.get(rest % parentStates.size()));
            rest /= parentStates.size();
        }
        return states;
    }

    private Node node(String variable) {
        Node node = nodes.get(variable);
        if (node == null) {
            throw new IllegalArgumentException("the network has no variable '" + variable + "'");
        }
        return node;
    }

    private int combination(Node node, List<String> parentStates) {
        if (parentStates.size() != node.parents().size()) {
            throw new IllegalArgumentException("'" + node.name() + "' has " + node.parents().size()
                    + " parents " + node.parents() + " but " + parentStates.size() + " states were given");
        }
        int index = 0;
        int stride = 1;
        for (int i = 0; i < parentStates.size(); i++) {
            String parent = node.parents().get(i);
            List<String> states = states(parent);
            int s = states.indexOf(parentStates.get(i));
            if (s < 0) {
                throw new IllegalArgumentException("'" + parentStates.get(i) + "' is not a state of '" + parent
                        + "' " + states);
            }
            index += s * stride;
            stride *= states.size();
        }
        return index;
    }

    private void checkAcyclic() {
        Set<String> done = new HashSet<>();
        for (String name : nodes.keySet()) {
            visit(name, new ArrayList<>(), done);
        }
    }

    private void visit(String name, List<String> path, Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            throw new IllegalArgumentException("the parents form a cycle: " + String.join(" <- ", cycle));
        }
        path.add(name);
        for (String parent : nodes.get(name).parents()) {
            visit(parent, path, done);
        }
        path.remove(path.size() - 1);
        done.add(name);
    }
}
