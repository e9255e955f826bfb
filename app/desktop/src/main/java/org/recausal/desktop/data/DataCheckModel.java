package org.recausal.desktop.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.engine.analysis.Independence;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.independence.DataCheck;
import org.recausal.engine.project.ProjectData;

/**
 * "Check the DAG against the data": runs {@link DataCheck} off the UI thread and lists each tested implication
 * with its test, statistic, degrees of freedom, p-value, adjusted p-value and verdict, plus what could not be
 * tested and why. Changing the level or the adjustment re-decides the verdicts from the stored p-values; a change
 * of the graph or the data marks the results out of date rather than silently keeping or dropping them.
 */
public final class DataCheckModel {

    /** One tested implication as the list shows it. */
    public record Row(DataCheck.Tested tested, double adjustedP, boolean rejected) {

        public Independence implication() {
            return tested.implication();
        }

        /** "x ⊥ y | a, b". */
        public String text() {
            Independence i = tested.implication();
            return i.x() + " \u22a5 " + i.y() + (i.given().isEmpty() ? "" : " | " + String.join(", ", i.given()));
        }

        public String verdict() {
            return rejected ? "rejected" : "consistent";
        }
    }

    private final ProgressTask task;
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 0.05);
    private final ObjectProperty<DataCheck.Adjustment> adjustment = new SimpleObjectProperty<>(this, "adjustment",
            DataCheck.Adjustment.HOLM);
    private final BooleanProperty onePerPair = new SimpleBooleanProperty(this, "onePerPair");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<DataCheck.Skipped> skipped = FXCollections.observableArrayList();
    private final ObservableList<DataCheck.Skipped> skippedView = FXCollections.unmodifiableObservableList(skipped);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper issues = new ReadOnlyStringWrapper(this, "issues", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyObjectWrapper<DataCheck.Report> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");

    public DataCheckModel(ProgressTask task) {
        this.task = task;
        alpha.addListener((_, _, _) -> decide());
        adjustment.addListener((_, _, _) -> decide());
    }

    /**
     * Tests the implications of {@code dag} on the data {@code data} supplies; both are used on the worker thread,
     * so the graph must be a copy the UI no longer edits, and assembling the tables (joins, distinct counts)
     * happens there too.
     */
    public void run(Dag dag, Supplier<ProjectData> data) {
        error.set("");
        DataCheck.Options options = new DataCheck.Options(alpha.get(), adjustment.get(), onePerPair.get(),
                DataCheck.Options.defaults().limit());
        task.start("Checking the graph against the data", (progress, cancel) -> {
            ProjectData assembled = data.get();
            if (assembled.tables().isEmpty()) {
                throw new IllegalStateException("no dataset is loaded; add one, or relink a moved file");
            }
            return new Outcome(DataCheck.run(dag, assembled.tables(), options, progress, cancel),
                    assembled.issues());
        }, done -> {
            stale.set(false);
            issues.set(String.join("\n", done.issues()));
            report.set(done.report());
            skipped.setAll(done.report().skipped());
            decide();
        }, failure -> error.set("The check failed: " + failure.getMessage()), () -> error.set("Check cancelled."));
    }

    /** The check's report and what assembling the data found wrong (a node with data in two joined datasets). */
    private record Outcome(DataCheck.Report report, List<String> issues) {
    }

    /** Problems met assembling the data, one per line; empty when none. */
    public ReadOnlyStringProperty issuesProperty() {
        return issues.getReadOnlyProperty();
    }

    public void cancel() {
        task.cancel();
    }

    /** The graph or the data changed since the results were computed. */
    public void markStale() {
        if (report.get() != null) {
            stale.set(true);
        }
    }

    /** Forgets the results (the data they came from are gone). */
    public void clear() {
        report.set(null);
        issues.set("");
        rows.clear();
        skipped.clear();
        summary.set("");
        stale.set(false);
        selected.set(null);
    }

    public ProgressTask task() {
        return task;
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public ObjectProperty<DataCheck.Adjustment> adjustmentProperty() {
        return adjustment;
    }

    /** Test only the nearest minimal separator of each pair (fewer tests) instead of every minimal one. */
    public BooleanProperty onePerPairProperty() {
        return onePerPair;
    }

    public ObservableList<Row> getRows() {
        return rowsView;
    }

    public ObservableList<DataCheck.Skipped> getSkipped() {
        return skippedView;
    }

    /** Counts and the multiple-testing note. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataCheck.Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The implication selected in the list; the canvas shows its pair and conditioning set. */
    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** Variables in an implication the data reject: both ends of every rejected pair, in list order. */
    public Set<String> rejectedVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.rejected()) {
                names.add(row.implication().x());
                names.add(row.implication().y());
            }
        }
        return names;
    }

    /** Re-decides every verdict at the current level and adjustment, from the p-values the check stored. */
    private void decide() {
        DataCheck.Report done = report.get();
        if (done == null) {
            return;
        }
        Row was = selected.get();
        List<Row> decided = new ArrayList<>();
        for (DataCheck.Tested tested : done.tests()) {
            double p = switch (adjustment.get()) {
                case HOLM -> tested.pHolm();
                case BENJAMINI_HOCHBERG -> tested.pBH();
                case NONE -> tested.result().p();
            };
            decided.add(new Row(tested, p, p < alpha.get()));
        }
        rows.setAll(decided);
        selected.set(was == null ? null : decided.stream()
                .filter(r -> r.implication().equals(was.implication())).findFirst().orElse(null));
        summary.set(describe(decided, done));
    }

    private String describe(List<Row> decided, DataCheck.Report done) {
        long rejected = decided.stream().filter(Row::rejected).count();
        int m = decided.size();
        String level = Formats.number(alpha.get());
        StringBuilder text = new StringBuilder();
        text.append(m).append(m == 1 ? " implication tested: " : " implications tested: ")
                .append(rejected == 0 ? "none" : Long.toString(rejected))
                .append(" rejected at \u03b1 = ").append(level);
        text.append(switch (adjustment.get()) {
            case HOLM -> " after Holm's adjustment, which keeps the chance of any false rejection below " + level + ".";
            case BENJAMINI_HOCHBERG -> " after Benjamini\u2013Hochberg adjustment, which keeps the expected share of "
                    + "false rejections below " + level + ".";
            case NONE -> String.format(Locale.ROOT, " without adjustment: with %d tests about %.1f would be rejected "
                    + "by chance alone even if the graph were right.", m, m * alpha.get());
        });
        if (!done.skipped().isEmpty()) {
            text.append(' ').append(done.skipped().size()).append(" not tested (see below).");
        }
        if (done.truncated()) {
            text.append(" The list stopped at ").append(done.options().limit()).append(" implications.");
        }
        return text.toString();
    }
}
