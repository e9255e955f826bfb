package org.recausal.engine.io;


import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recausal's JSON graph:
 * {@code {"variables":[{name, role, type, description, x, y}], "edges":[{from, to, note}]}}. Only
 * {@code name}, {@code from} and {@code to} are required. Read as a token stream so every variable and
 * edge is known by its line and column.
 */
public final class JsonFormat implements GraphImporter, GraphExporter {
    /** Reads one variable or edge object at a time from the stream, so what follows it is not an error. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Override
    public ImportResult read(String text) {
        DagAssembler dag = new DagAssembler();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw at(parser).error("a JSON graph is an object {\"variables\": [...], \"edges\": [...]}");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                TextPosition fieldAt = at(parser);
                parser.nextToken();
                switch (field) {
                    case "variables" -> eachObject(parser, field, (node, at) -> variable(node, at, dag));
                    case "edges" -> eachObject(parser, field, (node, at) -> dag.addEdge(
                            dag.find(required(node, "from", at), at), dag.find(required(node, "to", at), at),
                            node.path("note").asString(""), at));
                    default -> {
                        dag.warn("The field '" + field + "' (line " + fieldAt.line() + ") was ignored.");
                        parser.skipChildren();
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw at(parser).error("unexpected content after the graph object");
            }
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            throw new GraphParseException(where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return dag.result();
    }

    private interface ElementReader {
        void read(JsonNode node, TextPosition at);
    }

    private static void eachObject(JsonParser parser, String field, ElementReader reader) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw at(parser).error("'" + field + "' must be an array");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            TextPosition at = at(parser);
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw at.error("each entry of '" + field + "' must be an object");
            }
            reader.read(MAPPER.readTree(parser), at);
        }
    }

    private static void variable(JsonNode node, TextPosition at, DagAssembler dag) {
        String name = dag.declare(required(node, "name", at), at);
        try {
            dag.update(name, v -> v.withRole(Role.parse(node.path("role").asString("ordinary")))
                    .withType(DataType.parse(node.path("type").asString("continuous")))
                    .withDescription(node.path("description").asString("")));
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
        JsonNode x = node.get("x");
        JsonNode y = node.get("y");
        if (x != null || y != null) {
            if (x == null || y == null || !x.isNumber() || !y.isNumber()) {
                throw at.error("'" + name + "' needs both \"x\" and \"y\" as numbers, or neither");
            }
            dag.place(name, x.asDouble(), y.asDouble(), at);
        }
    }

    private static String required(JsonNode node, String field, TextPosition at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw at.error("this entry needs a text field \"" + field + "\"");
        }
        return value.asString();
    }

    private static TextPosition at(JsonParser parser) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new TextPosition(location.getLineNr(), location.getColumnNr());
    }

    @Override
    public String write(Dag dag) {
        boolean laidOut = DagittyCoordinates.isLaidOut(dag);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode variables = root.putArray("variables");
        for (Variable v : dag.variables()) {
            ObjectNode node = variables.addObject().put("name", v.name()).put("role", v.role().id())
                    .put("type", v.type().id()).put("description", v.description());
            if (laidOut) {
                node.put("x", v.position().x()).put("y", v.position().y());
            }
        }
        ArrayNode edges = root.putArray("edges");
        for (CausalEdge e : dag.edges()) {
            edges.addObject().put("from", e.from()).put("to", e.to()).put("note", e.note());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
