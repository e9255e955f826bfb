package org.recausal.engine.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/**
 * Works out which column stands for which node. The analyst's explicit links come first; every other column that
 * is not left out goes to the node whose name reads the same ignoring case and punctuation ({@link NameKey}).
 * Where several columns or nodes read the same, an exact (case-insensitive) name match wins; what is still
 * ambiguous is left unmapped and reported, never guessed.
 */
public final class MappingResolver {

    private MappingResolver() {
    }

    public static ResolvedMapping resolve(Dag dag, List<ColumnInfo> columns, ColumnMapping mapping) {
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<String> issues = new ArrayList<>();
        Map<String, String> nodeByColumn = new HashMap<>();
        Set<String> takenNodes = new HashSet<>();
        mapping.links().forEach((column, node) -> {
            if (!byName.containsKey(column)) {
                issues.add("column '" + column + "' is linked to node '" + node + "', but the data has no such column");
            } else if (!dag.contains(node)) {
                issues.add("column '" + column + "' is linked to node '" + node + "', but the graph has no such node");
            } else if (!takenNodes.add(node)) {
                issues.add("column '" + column + "' is linked to node '" + node + "', which another column already "
                        + "stands for; the link is ignored");
            } else {
                nodeByColumn.put(column, node);
            }
        });
        for (String column : mapping.excluded()) {
            if (!byName.containsKey(column)) {
                issues.add("column '" + column + "' is left out, but the data has no such column");
            }
        }
        matchByName(dag, byName.keySet(), mapping, nodeByColumn, takenNodes, issues);
        return assemble(dag, byName, mapping, nodeByColumn, issues);
    }

    private static void matchByName(Dag dag, Set<String> columns, ColumnMapping mapping,
            Map<String, String> nodeByColumn, Set<String> takenNodes, List<String> issues) {
        Map<String, List<String>> columnsByKey = new LinkedHashMap<>();
        for (String column : columns) {
            if (!mapping.links().containsKey(column) && !mapping.excluded().contains(column)) {
                columnsByKey.computeIfAbsent(NameKey.of(column), k -> new ArrayList<>()).add(column);
            }
        }
        Map<String, List<String>> nodesByKey = new HashMap<>();
        for (String node : dag.names()) {
            if (!takenNodes.contains(node)) {
                nodesByKey.computeIfAbsent(NameKey.of(node), k -> new ArrayList<>()).add(node);
            }
        }
        columnsByKey.forEach((key, keyColumns) -> {
            List<String> keyNodes = new ArrayList<>(nodesByKey.getOrDefault(key, List.of()));
            if (key.isEmpty() || keyNodes.isEmpty()) {
                return;
            }
            List<String> leftColumns = new ArrayList<>(keyColumns);
            // Exact names first: 'item_pop' goes to node item_pop even when a node itemPop exists too.
            for (String column : keyColumns) {
                String exact = keyNodes.stream().filter(n -> sameIgnoringCase(n, column)).findFirst().orElse(null);
                if (exact != null) {
                    nodeByColumn.put(column, exact);
                    keyNodes.remove(exact);
                    leftColumns.remove(column);
                }
            }
            if (leftColumns.size() == 1 && keyNodes.size() == 1) {
                nodeByColumn.put(leftColumns.getFirst(), keyNodes.getFirst());
            } else if (!leftColumns.isEmpty() && !keyNodes.isEmpty()) {
                issues.add("columns " + quoted(leftColumns) + " and nodes " + quoted(keyNodes)
                        + " have names that read the same; link them explicitly");
            }
        });
    }

    private static ResolvedMapping assemble(Dag dag, Map<String, ColumnInfo> columns, ColumnMapping mapping,
            Map<String, String> nodeByColumn, List<String> issues) {
        List<MappingLink> links = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<TypeConflict> conflicts = new ArrayList<>();
        Set<String> mappedNodes = new HashSet<>();
        for (ColumnInfo column : columns.values()) {
            String node = nodeByColumn.get(column.name());
            if (node == null) {
                unmapped.add(column.name());
                continue;
            }
            mappedNodes.add(node);
            links.add(new MappingLink(column.name(), node, mapping.links().containsKey(column.name())));
            Variable variable = dag.require(node);
            TypeCompatibility.conflict(column, node, variable.type()).ifPresent(message -> conflicts.add(
                    new TypeConflict(column.name(), column.type(), node, variable.type(), message)));
        }
        List<String> withoutData = dag.names().stream().filter(n -> !mappedNodes.contains(n)).toList();
        return new ResolvedMapping(links, unmapped, withoutData, conflicts, issues);
    }

    private static boolean sameIgnoringCase(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
