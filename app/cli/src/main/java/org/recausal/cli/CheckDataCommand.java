package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.recausal.engine.analysis.Independence;
import org.recausal.engine.independence.DataCheck;
import org.recausal.engine.independence.TestResult;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.DatasetStatus;
import org.recausal.engine.project.OpenedProject;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Test the conditional independences the project's graph implies against its data:",
            "Fisher z for continuous variables, stratified G-tests for discrete ones, symmetric regression",
            "likelihood-ratio tests for mixed ones; p-values adjusted over the list (Holm and Benjamini-Hochberg).",
            "Implications that need a node without data, or whose columns do not suit their nodes, are skipped",
            "with the reason. Exit 0 even when the data reject implications: the verdicts are the output."})
final class CheckDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "A project file (.recausal) with datasets.")
    Path project;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
            description = "Level at which an implication is rejected (default 0.05).")
    double alpha;

    @Option(names = "--adjust", defaultValue = "holm", paramLabel = "METHOD",
            description = "Which p-value decides rejection: holm (default), bh (Benjamini-Hochberg) or none.")
    String adjust;

    @Option(names = "--one-per-pair", description = "Test one implication per pair of variables (the nearest "
            + "minimal separator) instead of every minimal one.")
    boolean onePerPair;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N",
            description = "Test at most N implications (default 1000).")
    int limit;

    @Option(names = "--json", description = "Print JSON: {\"tests\": [{\"x\", \"y\", \"given\", \"test\", "
            + "\"statistic\", \"df\", \"p\", \"pHolm\", \"pBH\", \"n\", \"rejected\"}], \"skipped\": [...]}.")
    boolean json;

    @Override
    public Integer call() throws ProjectFileException {
        DataCheck.Options options = options();
        OpenedProject opened = ProjectFiles.openChecked(project);
        if (opened.project().datasets().isEmpty()) {
            throw new CommandFailure(project.getFileName() + ": the project has no data; attach some with "
                    + "recausal project create --graph ... --data ...");
        }
        for (DatasetStatus status : opened.datasets()) {
            if (!status.ok()) {
                throw new CommandFailure(project.getFileName() + ": " + status.message());
            }
        }
        ProjectData data = ProjectData.load(opened.project(), ProgressListener.NONE, new CancellationToken());
        DataCheck.Report report = DataCheck.run(opened.project().dag(), data.tables(), options,
                ProgressListener.NONE, new CancellationToken());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, toJson(report, data));
        } else {
            print(out, report);
        }
        return Cli.EXIT_OK;
    }

    private DataCheck.Options options() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new CommandFailure("--alpha must lie strictly between 0 and 1, not " + alpha);
        }
        if (limit < 1) {
            throw new CommandFailure("--limit must be at least 1, not " + limit);
        }
        DataCheck.Adjustment adjustment = switch (adjust.toLowerCase(Locale.ROOT)) {
            case "holm" -> DataCheck.Adjustment.HOLM;
            case "bh" -> DataCheck.Adjustment.BENJAMINI_HOCHBERG;
            case "none" -> DataCheck.Adjustment.NONE;
            default -> throw new CommandFailure("--adjust: '" + adjust + "' is not one of holm, bh, none");
        };
        return new DataCheck.Options(alpha, adjustment, onePerPair, limit);
    }

    private ObjectNode toJson(DataCheck.Report report, ProjectData data) {
        ObjectNode root = Json.object();
        root.put("alpha", alpha);
        root.put("adjustment", adjust.toLowerCase(Locale.ROOT));
        ArrayNode tables = root.putArray("tables");
        for (MappedTable table : data.tables()) {
            ObjectNode t = tables.addObject();
            t.put("name", table.name());
            t.put("rows", table.table().rowCount());
            t.set("nodesWithoutData", Json.names(table.mapping().nodesWithoutData()));
        }
        ArrayNode tests = root.putArray("tests");
        for (DataCheck.Tested tested : report.tests()) {
            TestResult r = tested.result();
            ObjectNode t = implication(tests.addObject(), tested.implication());
            t.put("table", tested.table());
            t.put("test", r.test());
            t.put("statistic", r.statistic());
            if (r.hasDf()) {
                t.put("df", r.df());
            } else {
                t.putNull("df");
            }
            t.put("p", r.p());
            t.put("pHolm", tested.pHolm());
            t.put("pBH", tested.pBH());
            t.put("n", r.n());
            t.put("dropped", r.dropped());
            t.put("rejected", tested.rejected());
            t.put("detail", r.detail());
        }
        ArrayNode skipped = root.putArray("skipped");
        report.skipped().forEach(s -> implication(skipped.addObject(), s.implication()).put("reason", s.reason()));
        root.put("truncated", report.truncated());
        ObjectNode summary = root.putObject("summary");
        summary.put("tested", report.tests().size());
        summary.put("rejected", report.rejectedCount());
        summary.put("skipped", report.skipped().size());
        return root;
    }

    private static ObjectNode implication(ObjectNode json, Independence implication) {
        json.put("x", implication.x());
        json.put("y", implication.y());
        ArrayNode given = json.putArray("given");
        implication.given().forEach(given::add);
        return json;
    }

    private void print(PrintWriter out, DataCheck.Report report) {
        out.printf(Locale.ROOT, "%d implications tested, %d rejected at alpha %s (%s-adjusted p), %d skipped%s%n",
                report.tests().size(), report.rejectedCount(), alpha, adjust.toLowerCase(Locale.ROOT),
                report.skipped().size(), report.truncated() ? " (list cut at --limit)" : "");
        List<String> names = report.tests().stream().map(t -> t.implication().toString()).toList();
        int width = Math.max(11, names.stream().mapToInt(String::length).max().orElse(0));
        if (!report.tests().isEmpty()) {
            out.printf(Locale.ROOT, "%n  %-" + width + "s  %-32s %10s %4s %10s %10s %10s  %s%n", "implication", "test",
                    "statistic", "df", "p", "p (Holm)", "n", "verdict");
        }
        for (DataCheck.Tested t : report.tests()) {
            TestResult r = t.result();
            out.printf(Locale.ROOT, "  %-" + width + "s  %-32s %10.4g %4s %10.3g %10.3g %10d  %s%n",
                    t.implication(), r.test(), r.statistic(), r.hasDf() ? Long.toString((long) r.df()) : "-", r.p(),
                    t.pHolm(), r.n(), t.rejected() ? "REJECTED" : "consistent");
        }
        if (!report.skipped().isEmpty()) {
            out.println();
            out.println("Skipped");
            report.skipped().forEach(s -> out.println("  " + s.implication() + ": " + s.reason()));
        }
    }
}
