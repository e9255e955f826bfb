package org.recausal.engine.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * A causal directed acyclic graph of typed variables, on a JGraphT {@link DirectedAcyclicGraph} whose
 * vertices are variable names. Every change is validated before anything is touched, so a refused
 * edit leaves the graph exactly as it was. Not thread-safe: analyses running in the background work
 * on a {@link #copy()}.
 */
public final class Dag {
    private final DirectedAcyclicGraph<String, CausalEdge> graph = new DirectedAcyclicGraph<>(CausalEdge.class);
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    /** Case-insensitive key to the name as written, for uniqueness checks and lookups. */
    private final Map<String, String> namesByKey = new HashMap<>();
    private final List<Consumer<DagChange>> listeners = new CopyOnWriteArrayList<>();

    public Dag copy() {
        Dag copy = new Dag();
        variables.values().forEach(copy::addVariable);
        for (CausalEdge edge : graph.edgeSet()) {
            copy.addEdge(edge.from(), edge.to(), edge.note());
        }
        return copy;
    }

    // ---------------------------------------------------------------- queries

    /** The variables in insertion order. */
    public List<Variable> variables() {
        return List.copyOf(variables.values());
    }

    public List<String> names() {
        return List.copyOf(variables.keySet());
    }

    public int size() {
        return variables.size();
    }

    /** Position of {@code name} in the insertion order. */
    public int indexOf(String name) {
        require(name);
        return new ArrayList<>(variables.keySet()).indexOf(name);
    }

    public boolean contains(String name) {
        return variables.containsKey(name);
    }

    public Optional<Variable> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** The variable called {@code name}; a {@link DagException} naming it if there is none. */
    public Variable require(String name) {
        Variable variable = variables.get(name);
        if (variable == null) {
            throw new DagException("There is no variable called '" + name + "'.");
        }
        return variable;
    }

    /** The name as written in this graph for a case-insensitive match of {@code name}. */
    public Optional<String> findName(String name) {
        return Optional.ofNullable(namesByKey.get(VariableName.key(name)));
    }

    /** Edges ordered by source insertion order, then target insertion order: stable for files and diffs. */
    public List<CausalEdge> edges() {
        Map<String, Integer> order = insertionOrder();
        List<CausalEdge> edges = new ArrayList<>(graph.edgeSet());
        edges.sort(Comparator.comparingInt((CausalEdge e) -> order.get(e.from()))
                .thenComparingInt(e -> order.get(e.to())));
        return edges;
    }

    public int edgeCount() {
        return graph.edgeSet().size();
    }

    public boolean hasEdge(String from, String to) {
        return graph.containsVertex(from) && graph.containsVertex(to) && graph.containsEdge(from, to);
    }

    public Optional<CausalEdge> edge(String from, String to) {
        return hasEdge(from, to) ? Optional.of(graph.getEdge(from, to)) : Optional.empty();
    }

    public Set<String> parents(String name) {
        require(name);
        Set<String> parents = new LinkedHashSet<>();
        graph.incomingEdgesOf(name).forEach(e -> parents.add(e.from()));
        return parents;
    }

    public Set<String> children(String name) {
        require(name);
        Set<String> children = new LinkedHashSet<>();
        graph.outgoingEdgesOf(name).forEach(e -> children.add(e.to()));
        return children;
    }

    /** Variables with the given role, in insertion order. */
    public List<String> withRole(Role role) {
        return variables.values().stream().filter(v -> v.role() == role).map(Variable::name).toList();
    }

    /** Causes before effects; ties broken by insertion order so the order is reproducible. */
    public List<String> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String name : variables.keySet()) {
            int in = graph.inDegreeOf(name);
            indegree.put(name, in);
            if (in == 0) {
                ready.add(name);
            }
        }
        List<String> order = new ArrayList<>(variables.size());
        while (!ready.isEmpty()) {
            String next = ready.poll();
            order.add(next);
            for (String child : children(next)) {
                if (indegree.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return order;
    }

    /** A read-only view of the underlying JGraphT graph, for algorithms. */
    public Graph<String, CausalEdge> graph() {
        return new AsUnmodifiableGraph<>(graph);
    }

    /** A directed path {@code from ~> to} (both included), or empty when {@code to} is not reachable. */
    public Optional<List<String>> directedPath(String from, String to) {
        require(from);
        require(to);
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String step = to; !step.equals(from); step = cameFrom.get(step)) {
                    path.add(step);
                }
                path.add(from);
                Collections.reverse(path);
                return Optional.of(path);
            }
            for (CausalEdge edge : graph.outgoingEdgesOf(current)) {
                if (cameFrom.putIfAbsent(edge.to(), current) == null) {
                    queue.add(edge.to());
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- edits

    public void addVariable(Variable variable) {
        addVariable(variable, variables.size());
    }

    /** Adds a variable at {@code index} in the insertion order (undo of a removal puts it back there). */
    public void addVariable(Variable variable, int index) {
        checkName(variable.name(), null);
        if (index < 0 || index > variables.size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + variables.size());
        }
        graph.addVertex(variable.name());
        if (index == variables.size()) {
            variables.put(variable.name(), variable);
        } else {
            List<Variable> order = new ArrayList<>(variables.values());
            order.add(index, variable);
            variables.clear();
            order.forEach(v -> variables.put(v.name(), v));
        }
        namesByKey.put(VariableName.key(variable.name()), variable.name());
        fire(new DagChange.VariableAdded(variable));
    }

    /** Removes a variable and its edges; returns the removed edges (for undo). */
    public List<CausalEdge> removeVariable(String name) {
        Variable variable = require(name);
        Map<String, Integer> order = insertionOrder();
        List<CausalEdge> incident = new ArrayList<>(graph.edgesOf(name));
        incident.sort(Comparator.comparingInt((CausalEdge e) -> order.get(e.from()))
                .thenComparingInt(e -> order.get(e.to())));
        for (CausalEdge edge : incident) {
            graph.removeEdge(edge);
            fire(new DagChange.EdgeRemoved(edge));
        }
        graph.removeVertex(name);
        variables.remove(name);
        namesByKey.remove(VariableName.key(name));
        fire(new DagChange.VariableRemoved(variable));
        return incident;
    }

    /** Replaces role, type, description and position of the variable with the same name. */
    public void updateVariable(Variable updated) {
        Variable before = require(updated.name());
        if (before.equals(updated)) {
            return;
        }
        variables.put(updated.name(), updated);
        fire(new DagChange.VariableUpdated(before, updated));
    }

    /**
     * Renames a variable, keeping its place in the insertion order and all its edges. A rename that
     * changes only the letter case is allowed.
     */
    public void renameVariable(String oldName, String newName) {
        Variable before = require(oldName);
        if (oldName.equals(newName)) {
            return;
        }
        checkName(newName, oldName);
        List<CausalEdge> incoming = new ArrayList<>(graph.incomingEdgesOf(oldName));
        List<CausalEdge> outgoing = new ArrayList<>(graph.outgoingEdgesOf(oldName));
        Map<String, Variable> reordered = new LinkedHashMap<>();
        variables.forEach((name, v) -> reordered.put(name.equals(oldName) ? newName : name,
                name.equals(oldName) ? before.withName(newName) : v));
        graph.removeVertex(oldName);
        graph.addVertex(newName);
        for (CausalEdge edge : incoming) {
            graph.addEdge(edge.from(), newName, new CausalEdge(edge.from(), newName, edge.note()));
        }
        for (CausalEdge edge : outgoing) {
            graph.addEdge(newName, edge.to(), new CausalEdge(newName, edge.to(), edge.note()));
        }
        variables.clear();
        variables.putAll(reordered);
        namesByKey.remove(VariableName.key(oldName));
        namesByKey.put(VariableName.key(newName), newName);
        fire(new DagChange.VariableRenamed(oldName, newName));
    }

    /**
     * Adds {@code from -> to}. Refused with a {@link CycleException} naming the cycle when {@code to}
     * already reaches {@code from}; refused when the edge exists, is a self-loop, or names an unknown variable.
     */
    public CausalEdge addEdge(String from, String to, String note) {
        require(from);
        require(to);
        if (from.equals(to)) {
            throw new CycleException(List.of(from, from));
        }
        if (graph.containsEdge(from, to)) {
            throw new DagException("The edge " + from + " -> " + to + " already exists.");
        }
        Optional<List<String>> back = directedPath(to, from);
        if (back.isPresent()) {
            List<String> cycle = new ArrayList<>();
            cycle.add(from);
            cycle.addAll(back.get());
            throw new CycleException(cycle);
        }
        CausalEdge edge = new CausalEdge(from, to, note);
        graph.addEdge(from, to, edge);
        fire(new DagChange.EdgeAdded(edge));
        return edge;
    }

    public CausalEdge addEdge(String from, String to) {
        return addEdge(from, to, "");
    }

    /** Removes {@code from -> to}; returns the removed edge (its note is needed to undo). */
    public CausalEdge removeEdge(String from, String to) {
        CausalEdge edge = edge(from, to).orElseThrow(
                () -> new DagException("There is no edge " + from + " -> " + to + "."));
        graph.removeEdge(edge);
        fire(new DagChange.EdgeRemoved(edge));
        return edge;
    }

    /** Replaces the note on an existing edge. */
    public void setEdgeNote(String from, String to, String note) {
        CausalEdge old = removeEdge(from, to);
        CausalEdge edge = new CausalEdge(old.from(), old.to(), note);
        graph.addEdge(from, to, edge);
        fire(new DagChange.EdgeAdded(edge));
    }

    // ---------------------------------------------------------------- listeners

    public void addListener(Consumer<DagChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DagChange> listener) {
        listeners.remove(listener);
    }

    private void fire(DagChange change) {
        for (Consumer<DagChange> listener : listeners) {
            listener.accept(change);
        }
    }

    // ---------------------------------------------------------------- internals

    private void checkName(String name, String renaming) {
        String problem = VariableName.problem(name);
        if (problem != null) {
            throw new DagException(capitalise(problem) + ".");
        }
        String existing = namesByKey.get(VariableName.key(name));
        if (existing != null && !existing.equals(renaming)) {
            throw new DagException(existing.equals(name)
                    ? "A variable called '" + name + "' already exists."
                    : "A variable called '" + existing + "' already exists (names are compared ignoring case).");
        }
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private Map<String, Integer> insertionOrder() {
        Map<String, Integer> order = new HashMap<>();
        for (String name : variables.keySet()) {
            order.put(name, order.size());
        }
        return order;
    }
}
