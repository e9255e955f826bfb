package org.recausal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.recausal.engine.estimate.Interval;
import org.recausal.engine.model.Scale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON output of the commands: pretty-printed, variable sets sorted, numbers that are not finite written as null. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static void print(PrintWriter out, JsonNode node) {
        out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    static ArrayNode names(Collection<String> names) {
        ArrayNode array = array();
        new TreeSet<>(names).forEach(array::add);
        return array;
    }

    /** Each set sorted by name; the sets ordered by their sorted members, a prefix before its extensions. */
    static ArrayNode sets(Collection<? extends Collection<String>> sets) {
        List<List<String>> sorted = new ArrayList<>();
        sets.forEach(s -> sorted.add(List.copyOf(new TreeSet<>(s))));
        sorted.sort(Json::compare);
        ArrayNode array = array();
        sorted.forEach(s -> array.add(names(s)));
        return array;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    static void interval(ObjectNode node, String field, Interval interval) {
        if (Double.isFinite(interval.lower()) && Double.isFinite(interval.upper())) {
            node.putArray(field).add(interval.lower()).add(interval.upper());
        } else {
            node.putNull(field);
        }
    }

    static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    static void numbers(ObjectNode node, String field, Map<String, Double> values) {
        ObjectNode object = node.putObject(field);
        values.forEach((name, value) -> number(object, name, value));
    }

    /** A variable's value: the number, or the label of a level. */
    static void value(ObjectNode node, String field, Scale scale, double value) {
        if (scale.isNumeric()) {
            number(node, field, value);
        } else {
            node.put(field, scale.label(value));
        }
    }
}
