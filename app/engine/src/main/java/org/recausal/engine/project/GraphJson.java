package org.recausal.engine.project;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.CycleException;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a causal graph, as stored in {@code graph.json} and printed by {@code recausal dag show --json}:
 * variables with name, role, type, description and canvas position; edges with from, to and note.
 * Roles and types are written as their {@code id()}s and read back strictly (no synonyms), so a typo
 * in a hand-edited file is reported instead of silently becoming something else.
 */
public final class GraphJson {
    private GraphJson() {
    }

    public static ObjectNode variable(Variable variable) {
        ObjectNode json = PartJson.object();
        json.put("name", variable.name());
        json.put("role", variable.role().id());
        json.put("type", variable.type().id());
        json.put("description", variable.description());
        json.put("x", variable.position().x());
        json.put("y", variable.position().y());
        return json;
    }

    public static ObjectNode edge(CausalEdge edge) {
        ObjectNode json = PartJson.object();
        json.put("from", edge.from());
        json.put("to", edge.to());
        json.put("note", edge.note());
        return json;
    }

    static ObjectNode toJson(Dag dag) {
        ObjectNode json = PartJson.object();
        ArrayNode variables = json.putArray("variables");
        dag.variables().forEach(v -> variables.add(variable(v)));
        ArrayNode edges = json.putArray("edges");
        dag.edges().forEach(e -> edges.add(edge(e)));
        return json;
    }

    /** Rebuilds the graph, naming the variable or edge (1-based, as people count) of any problem. */
    static Dag fromJson(String part, ObjectNode json) throws ProjectFileException {
        Dag dag = new Dag();
        ArrayNode variables = PartJson.array(json, "variables", part);
        for (int i = 0; i < variables.size(); i++) {
            String at = part + ": variable " + (i + 1);
            ObjectNode node = PartJson.element(variables, i, at);
            String name = PartJson.text(node, "name", at);
            at += " ('" + name + "')";
            Variable variable = new Variable(name,
                    role(PartJson.text(node, "role", at), at),
                    type(PartJson.text(node, "type", at), at),
                    PartJson.optionalText(node, "description", at),
                    new CanvasPosition(
                            PartJson.number(node, "x", at), PartJson.number(node, "y", at)));
            try {
                dag.addVariable(variable);
            } catch (DagException e) {
                throw new ProjectFileException(at + ": " + e.getMessage(), e);
            }
        }
        ArrayNode edges = PartJson.array(json, "edges", part);
        for (int i = 0; i < edges.size(); i++) {
            String at = part + ": edge " + (i + 1);
            ObjectNode node = PartJson.element(edges, i, at);
            String from = PartJson.text(node, "from", at);
            String to = PartJson.text(node, "to", at);
            at += " (" + from + " -> " + to + ")";
            for (String end : new String[] {from, to}) {
                if (!dag.contains(end)) {
                    throw new ProjectFileException(at + " names unknown variable '" + end + "'");
                }
            }
            try {
                dag.addEdge(from, to, PartJson.optionalText(node, "note", at));
            } catch (CycleException e) {
                throw new ProjectFileException(part + ": the graph has a cycle, "
                        + String.join(" -> ", e.cycle()) + " (closed by edge " + (i + 1) + ")", e);
            } catch (DagException e) {
                throw new ProjectFileException(at + ": " + e.getMessage(), e);
            }
        }
        return dag;
    }

    private static Role role(String id, String where) throws ProjectFileException {
        for (Role role : Role.values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new ProjectFileException(where + " has unknown role '" + id + "' (expected one of "
                + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")) + ")");
    }

    private static DataType type(String id, String where) throws ProjectFileException {
        for (DataType type : DataType.values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new ProjectFileException(where + " has unknown type '" + id + "' (expected one of "
                + Arrays.stream(DataType.values()).map(DataType::id).collect(Collectors.joining(", ")) + ")");
    }
}
