package org.recausal.desktop.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.JoinReport;
import org.recausal.engine.data.JoinResult;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableJoin;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;

/**
 * The tables an analysis works on: each loaded table that stands alone, with the attribute tables joined onto it
 * (interactions ⟕ users ⟕ items), and the analyst's mapping edits of all of them carried over to the joined
 * columns. Joining and resolving count distinct values, so this runs off the UI thread.
 */
final class AnalysisTables {

    /** A joined table, its mapping edits, and one report per join. */
    record Joined(String name, Table table, ColumnMapping mapping, List<JoinReport> reports) {
    }

    /**
     * A dataset as taken on the UI thread for work elsewhere: immutable values only.
     *
     * @param table null when not loaded
     */
    record Source(String id, String name, DatasetEntry.Join join, Table table, ColumnMapping mapping) {
        static Source of(DatasetEntry entry) {
            return new Source(entry.id(), entry.name(), entry.join(), entry.table(), entry.mapping());
        }

        static List<Source> of(List<DatasetEntry> entries) {
            return entries.stream().map(Source::of).toList();
        }
    }

    private AnalysisTables() {
    }

    /** One table per standalone loaded dataset; attribute datasets not loaded are left out of their join. */
    static List<Joined> build(List<Source> sources) {
        List<Joined> tables = new ArrayList<>();
        for (Source base : sources) {
            if (base.join() != null || base.table() == null) {
                continue;
            }
            Table table = base.table();
            TreeMap<String, String> links = new TreeMap<>(base.mapping().links());
            TreeSet<String> excluded = new TreeSet<>(base.mapping().excluded());
            List<JoinReport> reports = new ArrayList<>();
            for (Source attributes : sources) {
                DatasetEntry.Join join = attributes.join();
                if (join == null || !join.target().equals(base.id()) || attributes.table() == null) {
                    continue;
                }
                Table right = attributes.table();
                Map<String, String> renamed = joinedNames(table, right, join.key());
                JoinResult result = TableJoin.leftJoin(table, join.targetKey(), right, join.key());
                attributes.mapping().links().forEach((column, node) -> {
                    if (renamed.containsKey(column)) {
                        links.put(renamed.get(column), node);
                    }
                });
                attributes.mapping().excluded().stream().filter(renamed::containsKey)
                        .forEach(column -> excluded.add(renamed.get(column)));
                table = result.table();
                reports.addAll(result.reports());
            }
            tables.add(new Joined(base.name(), table, new ColumnMapping(links, excluded), reports));
        }
        return tables;
    }

    /** The tables with their mappings resolved against the graph. */
    static List<MappedTable> mapped(Dag dag, List<Source> sources) {
        return build(sources).stream().map(j -> MappedTable.of(dag, j.table(), j.mapping())).toList();
    }

    /** What each column of {@code right} (but its key) is called once joined onto {@code left}, as the join names it. */
    private static Map<String, String> joinedNames(Table left, Table right, String rightKey) {
        Map<String, String> names = new TreeMap<>();
        for (String column : right.columnNames()) {
            if (!column.equals(rightKey)) {
                names.put(column, left.hasColumn(column) ? right.name() + "." + column : column);
            }
        }
        return names;
    }
}
