package org.recausal.engine.io;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.DefaultAttribute;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * The graph a JGraphT importer (GraphML, DOT) fills in, with the attributes it reported, and the mapping
 * between Recausal's variables and those attributes: {@code role}, {@code type}, {@code description},
 * {@code x}, {@code y} on nodes and {@code note} on edges. The importer fills a multigraph that allows
 * loops, so repeated edges and cycles reach {@link DagAssembler}, which names them.
 */
final class AttributeGraph {
    private final Graph<String, DefaultEdge> graph = GraphTypeBuilder.<String, DefaultEdge>directed()
            .allowingMultipleEdges(true).allowingSelfLoops(true).edgeClass(DefaultEdge.class).buildGraph();
    private final Map<String, Map<String, String>> vertexAttributes = new HashMap<>();
    private final Map<DefaultEdge, Map<String, String>> edgeAttributes = new IdentityHashMap<>();

    Graph<String, DefaultEdge> graph() {
        return graph;
    }

    void listen(BaseEventDrivenImporter<String, DefaultEdge> importer) {
        importer.addVertexAttributeConsumer((key, value) -> vertexAttributes
                .computeIfAbsent(key.getFirst(), k -> new HashMap<>()).put(key.getSecond(), value.getValue()));
        importer.addEdgeAttributeConsumer((key, value) -> edgeAttributes
                .computeIfAbsent(key.getFirst(), k -> new HashMap<>()).put(key.getSecond(), value.getValue()));
    }

    /** Builds the graph; {@code vertexAt} and {@code edgeAt} locate a node or edge in the text for errors. */
    ImportResult toDag(Function<String, TextPosition> vertexAt, BiFunction<String, String, TextPosition> edgeAt) {
        DagAssembler dag = new DagAssembler();
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : graph.vertexSet()) {
            TextPosition at = vertexAt.apply(id);
            String name = dag.declare(id, at);
            names.put(id, name);
            Map<String, String> attributes = vertexAttributes.getOrDefault(id, Map.of());
            try {
                dag.update(name, v -> v
                        .withRole(Role.parse(attributes.getOrDefault("role", "ordinary")))
                        .withType(DataType.parse(attributes.getOrDefault("type", "continuous")))
                        .withDescription(attributes.getOrDefault("description", "")));
                if (attributes.containsKey("x") && attributes.containsKey("y")) {
                    dag.place(name, Double.parseDouble(attributes.get("x")), Double.parseDouble(attributes.get("y")), at);
                }
            } catch (IllegalArgumentException e) {
                throw at.error("node '" + id + "': " + e.getMessage());
            }
        }
        for (DefaultEdge e : graph.edgeSet()) {
            String from = graph.getEdgeSource(e);
            String to = graph.getEdgeTarget(e);
            dag.addEdge(names.get(from), names.get(to),
                    edgeAttributes.getOrDefault(e, Map.of()).getOrDefault("note", ""), edgeAt.apply(from, to));
        }
        return dag.result();
    }

    /** The attributes written for a variable; positions only when the graph has been laid out. */
    static Map<String, Attribute> attributes(Variable v, boolean laidOut) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("role", DefaultAttribute.createAttribute(v.role().id()));
        attributes.put("type", DefaultAttribute.createAttribute(v.type().id()));
        if (!v.description().isEmpty()) {
            attributes.put("description", DefaultAttribute.createAttribute(v.description()));
        }
        if (laidOut) {
            attributes.put("x", DefaultAttribute.createAttribute(v.position().x()));
            attributes.put("y", DefaultAttribute.createAttribute(v.position().y()));
        }
        return attributes;
    }

    static Map<String, Attribute> attributes(CausalEdge e) {
        return e.note().isEmpty() ? Map.of() : Map.of("note", DefaultAttribute.createAttribute(e.note()));
    }
}
