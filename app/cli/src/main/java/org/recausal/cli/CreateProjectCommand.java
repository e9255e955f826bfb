package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.JoinReport;
import org.recausal.engine.data.Table;
import org.recausal.engine.layout.LayeredLayout;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.mapping.MappingResolver;
import org.recausal.engine.mapping.NameKey;
import org.recausal.engine.mapping.ResolvedMapping;
import org.recausal.engine.mapping.TypeConflict;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.DatasetJoin;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Make a project from a graph and data files. Columns map to nodes by name (ignoring case and",
            "punctuation). The first data file is the main table; each further file whose rows are keyed by a",
            "column the main table also has (same name, unique in the file: user or item attributes) is joined",
            "to it on that key, with a report of keys that found no match; a file sharing no such key is kept",
            "as a separate table. Unmapped columns and nodes without data are reported (stderr, or in --json)."})
final class CreateProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphInput graph;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE",
            description = "Data files (CSV, TSV, ...; gzipped or not), the main table first.")
    List<Path> data;

    @Option(names = "--embed", description = "Copy the data into the project file (default: refer to the files "
            + "by their path relative to the project, with size and SHA-256).")
    boolean embed;

    @Option(names = "--out", required = true, paramLabel = "PROJECT", description = "The project file to write.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the file's name).")
    String name;

    @Option(names = "--json", description = "Print JSON: datasets, their mapping, joins, nodes without data.")
    boolean json;

    /** A data file as read, with the dataset made of it. */
    private record Attached(Dataset dataset, Path file, Table table) {
    }

    @Override
    public Integer call() throws ProjectFileException {
        if (Files.exists(out)) {
            throw new CommandFailure(out.getFileName() + ": already exists; choose another --out or remove it");
        }
        Dag dag = graph.load(((RecausalCommand) spec.root().userObject()).standardInput());
        boolean laidOut = layOutIfUnplaced(dag);
        String projectName = name != null ? name : baseName(out);
        Project project;
        try {
            project = new Project(projectName, dag);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--name: " + e.getMessage());
        }
        List<Attached> attached = new ArrayList<>();
        for (Path file : data) {
            attached.add(attach(project, file, attached));
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        attached.forEach(a -> tables.put(a.dataset().id(), a.table()));
        ProjectData assembled = ProjectData.assemble(project, tables);
        ProjectFiles.save(project, out);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Json.print(stdout, toJson(project, attached, assembled, laidOut));
        } else {
            report(stdout, spec.commandLine().getErr(), project, attached, assembled);
        }
        return Cli.EXIT_OK;
    }

    /** Graph formats without positions leave every node at the origin; those get the layered layout. */
    private static boolean layOutIfUnplaced(Dag dag) {
        if (dag.size() < 2 || dag.variables().stream().map(Variable::position).distinct().count() > 1) {
            return false;
        }
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag).positions();
        for (Variable v : dag.variables()) {
            dag.updateVariable(v.withPosition(positions.get(v.name())));
        }
        return true;
    }

    private static String baseName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(ProjectFiles.EXTENSION)
                ? fileName.substring(0, fileName.length() - ProjectFiles.EXTENSION.length()) : fileName;
    }

    private Attached attach(Project project, Path file, List<Attached> earlier) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(file + ": " + (Files.exists(file) ? "is not a file" : "does not exist"));
        }
        Datasets.Attachment attachment = Datasets.attach(file, ImportOptions.defaults(), embed, ProgressListener.NONE,
                new CancellationToken());
        Table table = attachment.result().table();
        String id = uniqueId(project, Dataset.idFor(file.getFileName().toString()));
        DatasetJoin join = earlier.isEmpty() ? null : joinKey(earlier.getFirst(), table)
                .map(key -> new DatasetJoin(earlier.getFirst().dataset().id(), key[0], key[1])).orElse(null);
        Dataset dataset = new Dataset(id, id, attachment.source(), ImportOptions.defaults(), ColumnInfo.of(table),
                ColumnMapping.automatic(), join);
        project.addDataset(dataset);
        return new Attached(dataset, file, table);
    }

    private static String uniqueId(Project project, String base) {
        String id = base;
        for (int n = 2; project.dataset(id).isPresent(); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    /**
     * The key joining a file's rows to the main table: the first of its columns that holds labels or whole
     * numbers, is unique in the file, and that the main table has too (same name, else same name ignoring case
     * and punctuation). Returns {main table column, file column}.
     */
    private static Optional<String[]> joinKey(Attached main, Table table) {
        for (Column column : table.columns()) {
            if (!keyable(column.type()) || !unique(column)) {
                continue;
            }
            Optional<String> match = main.table().columnNames().stream()
                    .filter(n -> n.equals(column.name())).findFirst()
                    .or(() -> main.table().columnNames().stream()
                            .filter(n -> NameKey.of(n).equals(NameKey.of(column.name()))).findFirst());
            if (match.isPresent() && keyable(main.table().column(match.get()).type())) {
                return Optional.of(new String[] {match.get(), column.name()});
            }
        }
        return Optional.empty();
    }

    private static boolean keyable(ColumnType type) {
        return type == ColumnType.ID || type == ColumnType.CATEGORICAL || type == ColumnType.INTEGER;
    }

    private static boolean unique(Column column) {
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && !seen.add(column.text(row))) {
                return false;
            }
        }
        return !seen.isEmpty();
    }

    private static ResolvedMapping ownMapping(Project project, Attached a) {
        return MappingResolver.resolve(project.dag(), a.dataset().columns(), a.dataset().mapping());
    }

    /** Nodes no table has data for. */
    private static List<String> withoutData(Project project, ProjectData data) {
        return project.dag().names().stream()
                .filter(n -> data.tables().stream().noneMatch(t -> t.mapping().hasData(n))).toList();
    }

    private ObjectNode toJson(Project project, List<Attached> attached, ProjectData data, boolean laidOut) {
        ObjectNode root = Json.object();
        root.put("project", out.getFileName().toString());
        root.put("name", project.name());
        root.putObject("graph").put("nodes", project.dag().size()).put("edges", project.dag().edgeCount())
                .put("laidOut", laidOut);
        ArrayNode datasets = root.putArray("datasets");
        for (Attached a : attached) {
            ObjectNode d = datasets.addObject();
            d.put("id", a.dataset().id());
            d.put("file", a.file().toString());
            d.put("storage", a.dataset().embedded() ? "embedded" : "reference");
            d.put("rows", a.table().rowCount());
            d.put("columns", a.table().columnCount());
            if (a.dataset().join() == null) {
                d.putNull("joinedTo");
            } else {
                d.putObject("joinedTo").put("dataset", a.dataset().join().dataset())
                        .put("datasetKey", a.dataset().join().datasetKey()).put("key", a.dataset().join().key());
            }
            ResolvedMapping mapping = ownMapping(project, a);
            ArrayNode links = d.putArray("links");
            mapping.links().forEach(l -> links.addObject().put("column", l.column()).put("node", l.node()));
            d.set("unmappedColumns", strings(mapping.unmappedColumns()));
            d.set("conflicts", strings(mapping.conflicts().stream().map(TypeConflict::message).toList()));
            d.set("issues", strings(mapping.issues()));
        }
        ArrayNode joins = root.putArray("joins");
        for (JoinReport j : data.joins()) {
            ObjectNode o = joins.addObject();
            o.put("dataset", j.rightTable());
            o.put("key", j.rightKey());
            o.put("to", j.leftTable());
            o.put("datasetKey", j.leftKey());
            o.put("unmatchedRows", j.unmatchedRows());
            o.put("unmatchedKeys", j.unmatchedKeys());
            o.set("unmatchedExamples", strings(j.unmatchedExamples()));
            o.put("missingKeyRows", j.missingKeyRows());
            o.put("unusedKeys", j.unusedRightKeys());
        }
        ArrayNode tables = root.putArray("tables");
        for (MappedTable t : data.tables()) {
            tables.addObject().put("name", t.name()).put("rows", t.table().rowCount())
                    .put("columns", t.table().columnCount());
        }
        root.set("nodesWithoutData", strings(withoutData(project, data)));
        root.set("issues", strings(data.issues()));
        return root;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.object().arrayNode();
        values.forEach(array::add);
        return array;
    }

    private void report(PrintWriter stdout, PrintWriter stderr, Project project, List<Attached> attached,
            ProjectData data) {
        List<String> parts = new ArrayList<>();
        for (Attached a : attached) {
            Dataset d = a.dataset();
            parts.add(d.id() + " (" + a.table().rowCount() + " rows, " + (d.embedded() ? "embedded" : "referenced")
                    + (d.join() == null ? "" : ", joined to " + d.join().dataset() + " on " + d.join().datasetKey()
                    + (d.join().key().equals(d.join().datasetKey()) ? "" : " = " + d.join().key())) + ")");
        }
        List<String> missing = withoutData(project, data);
        stdout.printf(Locale.ROOT, "created %s: %s; %d of %d nodes have data%n", out.getFileName(),
                String.join(", ", parts), project.dag().size() - missing.size(), project.dag().size());
        for (JoinReport j : data.joins()) {
            if (!j.allMatched()) {
                stderr.printf(Locale.ROOT, "note: %d rows of %s have no match in %s (%d keys, e.g. %s)%s%n",
                        j.unmatchedRows(), j.leftTable(), j.rightTable(), j.unmatchedKeys(),
                        String.join(", ", j.unmatchedExamples()),
                        j.missingKeyRows() > 0 ? "; " + j.missingKeyRows() + " rows have no key" : "");
            }
        }
        if (data.tables().size() > 1) {
            stderr.println("note: " + (data.tables().size() - 1) + " of the files share no key with "
                    + attached.getFirst().dataset().id() + " and are kept as separate tables: " + String.join(", ",
                    data.tables().stream().skip(1).map(MappedTable::name).toList()));
        }
        for (Attached a : attached) {
            ResolvedMapping mapping = ownMapping(project, a);
            if (!mapping.unmappedColumns().isEmpty()) {
                stderr.println("note: columns of " + a.dataset().id() + " that stand for no node: "
                        + String.join(", ", mapping.unmappedColumns()));
            }
            mapping.conflicts().forEach(c -> stderr.println("warning: " + a.dataset().id() + ": " + c.message()));
            mapping.issues().forEach(i -> stderr.println("warning: " + a.dataset().id() + ": " + i));
        }
        data.issues().stream().filter(i -> i.startsWith("node ")).forEach(i -> stderr.println("warning: " + i));
        if (!missing.isEmpty()) {
            stderr.println("note: nodes without data (latent for this data): " + String.join(", ", missing));
        }
    }
}
