package org.recausal.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.JoinReport;
import org.recausal.engine.data.JoinResult;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableJoin;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.mapping.MappingLink;
import org.recausal.engine.mapping.MappingResolver;
import org.recausal.engine.mapping.ResolvedMapping;
import org.recausal.engine.mapping.TypeConflict;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * A project's data as analyses use them: one table per dataset that stands alone, with the datasets joined to it
 * attached by left joins (interactions with their users' and items' attributes), and each table's columns mapped to
 * the graph's nodes. Columns a joined dataset shares by name with the table it joins are renamed
 * {@code <dataset id>.<column>}.
 *
 * @param tables one per dataset that is not joined to another, in project order
 * @param joins  how well each join's keys matched
 * @param issues mapping problems of the whole project, such as a node two datasets of one table map
 */
public record ProjectData(List<MappedTable> tables, List<JoinReport> joins, List<String> issues) {

    public ProjectData {
        tables = List.copyOf(tables);
        joins = List.copyOf(joins);
        issues = List.copyOf(issues);
    }

    /**
     * Loads every dataset (checking each is the data attached), joins and maps them.
     *
     * @throws org.recausal.engine.data.DataException when a dataset's data are missing, changed or unreadable
     */
    public static ProjectData load(Project project, ProgressListener progress, CancellationToken cancel) {
        List<Dataset> datasets = project.datasets();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            double from = (double) i / datasets.size();
            ProgressListener part = (fraction, message) -> progress.progress(from + fraction / datasets.size(),
                    message);
            tables.put(dataset.id(), Datasets.load(dataset, part, cancel).table());
        }
        progress.progress(1, "Loaded " + datasets.size() + " datasets");
        return assemble(project, tables);
    }

    /**
     * Joins and maps tables already read, one per dataset by id (as {@code project create} has them after reading
     * the files once).
     */
    public static ProjectData assemble(Project project, Map<String, Table> byDataset) {
        List<Dataset> datasets = project.datasets();
        List<MappedTable> tables = new ArrayList<>();
        List<JoinReport> joins = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        for (Dataset base : datasets) {
            if (base.join() != null) {
                continue;
            }
            Table table = named(base, byDataset);
            Combined combined = new Combined(project.dag(), issues);
            combined.add(base, table, Map.of());
            for (Dataset joined : datasets) {
                if (joined.join() == null || !joined.join().dataset().equals(base.id())) {
                    continue;
                }
                Table right = named(joined, byDataset);
                Map<String, String> names = joinedNames(table, right, joined.join());
                JoinResult result = TableJoin.leftJoin(table, joined.join().datasetKey(), right, joined.join().key());
                table = result.table();
                joins.addAll(result.reports());
                combined.add(joined, right, names);
            }
            tables.add(new MappedTable(table, combined.resolved()));
        }
        return new ProjectData(tables, joins, issues);
    }

    /** The dataset's table under the dataset's id, so joined columns and messages name datasets. */
    private static Table named(Dataset dataset, Map<String, Table> byDataset) {
        Table table = byDataset.get(dataset.id());
        if (table == null) {
            throw new IllegalArgumentException("no table was read for dataset '" + dataset.id() + "'");
        }
        return new Table(dataset.id(), table.columns());
    }

    /** What each column of the right table is called after the join; its key takes the left key's name. */
    private static Map<String, String> joinedNames(Table left, Table right, DatasetJoin join) {
        Map<String, String> names = new HashMap<>();
        for (Column column : right.columns()) {
            String name = column.name();
            names.put(name, name.equals(join.key()) ? join.datasetKey()
                    : left.hasColumn(name) ? right.name() + "." + name : name);
        }
        return names;
    }

    /** The mappings of the datasets that make one table, merged under the joined table's column names. */
    private static final class Combined {
        private final Dag dag;
        private final List<String> projectIssues;
        private final Map<String, MappingLink> linkByNode = new LinkedHashMap<>();
        private final Map<String, String> datasetByNode = new HashMap<>();
        private final List<String> unmapped = new ArrayList<>();
        private final List<TypeConflict> conflicts = new ArrayList<>();
        private final List<String> issues = new ArrayList<>();

        Combined(Dag dag, List<String> projectIssues) {
            this.dag = dag;
            this.projectIssues = projectIssues;
        }

        void add(Dataset dataset, Table table, Map<String, String> names) {
            ResolvedMapping own = MappingResolver.resolve(dag, ColumnInfo.of(table), dataset.mapping());
            for (MappingLink link : own.links()) {
                String column = names.getOrDefault(link.column(), link.column());
                String earlier = datasetByNode.putIfAbsent(link.node(), dataset.id());
                if (earlier != null) {
                    String issue = "node '" + link.node() + "' has data in both '" + earlier + "' and '"
                            + dataset.id() + "'; the column of '" + earlier + "' is used";
                    issues.add(issue);
                    projectIssues.add(issue);
                    continue;
                }
                linkByNode.put(link.node(), new MappingLink(column, link.node(), link.explicit()));
            }
            own.unmappedColumns().forEach(c -> unmapped.add(names.getOrDefault(c, c)));
            for (TypeConflict c : own.conflicts()) {
                if (dataset.id().equals(datasetByNode.get(c.node()))) {
                    conflicts.add(new TypeConflict(names.getOrDefault(c.column(), c.column()), c.columnType(),
                            c.node(), c.nodeType(), c.message()));
                }
            }
            own.issues().forEach(i -> {
                issues.add(dataset.id() + ": " + i);
                projectIssues.add(dataset.id() + ": " + i);
            });
        }

        ResolvedMapping resolved() {
            List<String> withoutData = dag.names().stream().filter(n -> !linkByNode.containsKey(n)).toList();
            return new ResolvedMapping(List.copyOf(linkByNode.values()), unmapped, withoutData, conflicts, issues);
        }
    }
}
