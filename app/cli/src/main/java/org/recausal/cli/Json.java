package org.recausal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON output shared by the graph commands: variable sets sorted, lists of sets sorted, pretty-printed. */
final class Json {
    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode names(Collection<String> names) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        new TreeSet<>(names).forEach(array::add);
        return array;
    }

    /** Each set sorted by name; the sets ordered by their sorted members, a prefix before its extensions. */
    static ArrayNode sets(Collection<? extends Collection<String>> sets) {
        List<List<String>> sorted = new ArrayList<>();
        sets.forEach(s -> sorted.add(List.copyOf(new TreeSet<>(s))));
        sorted.sort(Json::compare);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
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

    static void print(PrintWriter out, ObjectNode json) {
        out.println(json.toPrettyString());
    }
}
