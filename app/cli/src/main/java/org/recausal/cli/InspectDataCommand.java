package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.data.ImportReport;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.ProblemKind;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Read a data file (CSV, TSV, ...; gzipped or not) and summarise it: rows, each column's type,",
            "missing values, distinct values, range, mean and sd or most frequent values, and the problems met",
            "with their line numbers."})
final class InspectDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A delimited text file.")
    Path file;

    @Mixin
    DataOptions read;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K",
            description = "Most frequent values shown per label column (default 5).")
    int top;

    @Option(names = "--json", description = "Print JSON: {\"rows\", \"columns\": [...], \"problems\": [the first 20 of "
            + "each kind], \"problemCounts\": {...}}.")
    boolean json;

    @Override
    public Integer call() {
        ImportResult result = TableReader.read(file, read.options(), ProgressListener.NONE, new CancellationToken());
        List<ColumnSummary> summaries = new ArrayList<>();
        for (Column column : result.table().columns()) {
            summaries.add(ColumnSummary.of(column, Math.max(0, top)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, toJson(result.report(), summaries));
        } else {
            print(out, result.report(), summaries);
        }
        return Cli.EXIT_OK;
    }

    static ObjectNode toJson(ImportReport report, List<ColumnSummary> summaries) {
        ObjectNode root = Json.object();
        root.put("file", report.source());
        root.put("rows", report.rowsImported());
        root.put("recordsRead", report.recordsRead());
        root.put("rowsDropped", report.rowsDropped());
        root.put("delimiter", report.dialect().delimiter().label());
        root.put("header", report.dialect().header());
        ArrayNode columns = root.putArray("columns");
        summaries.forEach(s -> columns.add(column(s)));
        ArrayNode problems = root.putArray("problems");
        for (ImportProblem problem : report.examples()) {
            ObjectNode p = problems.addObject();
            p.put("line", problem.line());
            if (problem.column() == null) {
                p.putNull("column");
            } else {
                p.put("column", problem.column());
            }
            p.put("kind", id(problem.kind()));
            p.put("message", problem.detail());
        }
        ObjectNode counts = root.putObject("problemCounts");
        for (ProblemKind kind : ProblemKind.values()) {
            counts.put(id(kind), report.problemCount(kind));
        }
        return root;
    }

    private static ObjectNode column(ColumnSummary s) {
        ObjectNode c = Json.object();
        c.put("name", s.name());
        c.put("type", s.type().name().toLowerCase(Locale.ROOT));
        c.put("count", s.count());
        c.put("missing", s.missing());
        c.put("distinct", s.distinct());
        c.put("distinctExact", s.distinctExact());
        if (s.count() > 0 && (s.type() == ColumnType.INTEGER || s.type() == ColumnType.DECIMAL)) {
            c.put("min", s.min());
            c.put("max", s.max());
            c.put("mean", s.mean());
            if (Double.isNaN(s.sd())) {
                c.putNull("sd");
            } else {
                c.put("sd", s.sd());
            }
        } else if (s.count() > 0 && s.type() == ColumnType.TIMESTAMP) {
            c.put("min", Instant.ofEpochMilli((long) s.min()).toString());
            c.put("max", Instant.ofEpochMilli((long) s.max()).toString());
        }
        if (!s.topCategories().isEmpty()) {
            ArrayNode top = c.putArray("top");
            s.topCategories().forEach(t -> top.addObject().put("label", t.label()).put("count", t.count()));
        }
        return c;
    }

    private static String id(ProblemKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void print(PrintWriter out, ImportReport report, List<ColumnSummary> summaries) {
        out.printf(Locale.ROOT, "%s: %d rows, %d columns (%s-separated, %s), read in %.2f s%n", report.source(),
                report.rowsImported(), summaries.size(), report.dialect().delimiter().label(),
                report.dialect().header() ? "with header" : "no header", report.elapsed().toNanos() / 1e9);
        int width = summaries.stream().mapToInt(s -> s.name().length()).max().orElse(4);
        for (ColumnSummary s : summaries) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %-11s  %9d missing  %9d%s distinct  %s%n", s.name(),
                    s.type().name().toLowerCase(Locale.ROOT), s.missing(), s.distinct(), s.distinctExact() ? "" : "+",
                    describe(s));
        }
        if (report.totalProblems() == 0) {
            out.println("No problems.");
            return;
        }
        List<String> counts = new ArrayList<>();
        for (Map.Entry<ProblemKind, Long> e : report.problemCounts().entrySet()) {
            counts.add(e.getValue() + " × " + e.getKey().label());
        }
        out.println("Problems: " + String.join(", ", counts) + (report.rowsDropped() > 0
                ? "; " + report.rowsDropped() + " rows dropped" : ""));
        report.examples().forEach(p -> out.println("  " + p));
    }

    private static String describe(ColumnSummary s) {
        if (s.count() == 0) {
            return "no values";
        }
        return switch (s.type()) {
            case INTEGER, DECIMAL -> String.format(Locale.ROOT, "min %.6g, max %.6g, mean %.6g, sd %.4g", s.min(),
                    s.max(), s.mean(), s.sd());
            case TIMESTAMP -> "from " + Instant.ofEpochMilli((long) s.min()) + " to "
                    + Instant.ofEpochMilli((long) s.max());
            case BOOLEAN, CATEGORICAL, ID -> "top: " + String.join(", ", s.topCategories().stream()
                    .map(t -> t.label() + " (" + t.count() + ")").toList());
        };
    }
}
