package org.recausal.desktop.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.Independence;
import org.recausal.engine.analysis.Instrument;
import org.recausal.engine.analysis.NotADag;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.CompoundEdit;
import org.recausal.engine.dag.edit.DagEdit;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.UpdateVariable;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/**
 * The query panel's state: the question (exposures and outcomes, read from and written to the
 * variables' roles; total or direct effect), the answer, the set the analyst picked with its verdict,
 * the paths it blocks or leaves open, the testable implications and the instruments.
 * <p>
 * The answer follows the graph live. Each relevant change (structure, names, roles; not positions)
 * waits for the {@link Debouncer}, then a run starts on the {@link TaskExecutor} with a snapshot of the
 * graph, cancelling the run before it. Runs are numbered, and only the latest run's result is shown,
 * so a slow stale run can never overwrite a newer answer (Recaf's AreaAnalysisPane does the same).
 * <p>
 * The exposures and outcomes are the variables' roles, not a setting of the panel: picking them here
 * is an undoable edit of the graph. One question then holds everywhere: the canvas colours, the
 * property panel, the saved project and the command line all agree with the panel, and undo brings
 * back the previous question.
 */
public final class QueryPanelViewModel {
    /** How long the graph must stay still before the analysis reruns: a drag or a burst of typing is one run. */
    public static final javafx.util.Duration QUIET_TIME = javafx.util.Duration.millis(150);

    private final TaskExecutor tasks;
    private final Debouncer debouncer;

    private final ObservableList<String> variables = FXCollections.observableArrayList();
    // Unmodifiable views listen to their lists weakly: one view per list is kept, or listeners on it would vanish.
    private final ObservableList<String> variablesView = FXCollections.unmodifiableObservableList(variables);
    private final ObservableList<String> exposures = FXCollections.observableArrayList();
    private final ObservableList<String> exposuresView = FXCollections.unmodifiableObservableList(exposures);
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObservableList<String> outcomesView = FXCollections.unmodifiableObservableList(outcomes);
    private final ObjectProperty<Effect> effect = new SimpleObjectProperty<>(this, "effect", Effect.TOTAL);
    private final ReadOnlyObjectWrapper<Set<String>> chosenSet = new ReadOnlyObjectWrapper<>(this, "chosenSet", Set.of());
    private final ReadOnlyStringWrapper setProblem = new ReadOnlyStringWrapper(this, "setProblem", "");

    private final ReadOnlyObjectWrapper<QueryAnswer> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private final ObservableList<Set<String>> sets = FXCollections.observableArrayList();
    private final ObservableList<Set<String>> setsView = FXCollections.unmodifiableObservableList(sets);
    private final ReadOnlyStringWrapper identification = new ReadOnlyStringWrapper(this, "identification", "");
    private final ReadOnlyObjectWrapper<SetVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ObservableList<PathRow> paths = FXCollections.observableArrayList();
    private final ObservableList<PathRow> pathsView = FXCollections.unmodifiableObservableList(paths);
    private final ReadOnlyStringWrapper pathSummary = new ReadOnlyStringWrapper(this, "pathSummary", "");
    private final ObservableList<Independence> implications = FXCollections.observableArrayList();
    private final ObservableList<Independence> implicationsView = FXCollections.unmodifiableObservableList(implications);
    private final ReadOnlyStringWrapper implicationSummary = new ReadOnlyStringWrapper(this, "implicationSummary", "");
    private final ObservableList<Instrument> instruments = FXCollections.observableArrayList();
    private final ObservableList<Instrument> instrumentsView = FXCollections.unmodifiableObservableList(instruments);
    private final ReadOnlyStringWrapper instrumentSummary = new ReadOnlyStringWrapper(this, "instrumentSummary", "");
    private final BooleanProperty showOnCanvas = new SimpleBooleanProperty(this, "showOnCanvas", true);
    private final ReadOnlyObjectWrapper<CanvasOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", CanvasOverlay.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    private final Consumer<DagChange> dagListener = this::dagChanged;
    private EditHistory history;
    /** Counts changes that can change an answer; a result remembers the version it was computed for. */
    private long graphVersion;
    private boolean namesChanged;
    private boolean rolesChanged;
    /** Numbers the runs; a result is shown only if no run started after its own. */
    private long runs;
    private CancellationToken token;
    private QueryResult result;
    private QueryAnswer.NotADag notADag;

    public QueryPanelViewModel(TaskExecutor tasks, Debouncer debouncer) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.debouncer = Objects.requireNonNull(debouncer, "debouncer");
        effect.addListener((obs, before, now) -> questionChanged());
        showOnCanvas.addListener((obs, before, now) -> publishOverlay());
    }

    // ---------------------------------------------------------------- the graph

    /** Follows the graph of {@code newHistory} (a new or opened project) from now on. */
    public void setHistory(EditHistory newHistory) {
        Objects.requireNonNull(newHistory, "history");
        if (history != null) {
            history.dag().removeListener(dagListener);
        }
        history = newHistory;
        history.dag().addListener(dagListener);
        chosenSet.set(Set.of());
        setProblem.set("");
        notADag = null;
        result = null;
        graphVersion++;
        namesChanged = true;
        rolesChanged = true;
        graphSettled();
    }

    private void dagChanged(DagChange change) {
        switch (change) {
            case DagChange.VariableUpdated updated -> {
                if (updated.before().role() == updated.after().role()) {
                    return; // a move, a new description or data type: no answer changes
                }
                rolesChanged = true;
            }
            case DagChange.VariableAdded added -> {
                namesChanged = true;
                rolesChanged = true;
            }
            case DagChange.VariableRemoved removed -> {
                namesChanged = true;
                rolesChanged = true;
                String name = removed.variable().name();
                if (chosenSet.get().contains(name)) {
                    chosenSet.set(without(chosenSet.get(), name, null));
                }
            }
            case DagChange.VariableRenamed renamed -> {
                namesChanged = true;
                rolesChanged = true;
                if (chosenSet.get().contains(renamed.oldName())) {
                    chosenSet.set(without(chosenSet.get(), renamed.oldName(), renamed.newName()));
                }
            }
            case DagChange.EdgeAdded added -> {
            }
            case DagChange.EdgeRemoved removed -> {
            }
        }
        graphVersion++;
        if (notADag != null) {
            notADag = null;
            publishAnswer();
        }
        debouncer.request(this::graphSettled);
    }

    /** After a burst of edits: bring the pickers up to date and analyse the graph as it is now. */
    private void graphSettled() {
        Dag dag = history.dag();
        if (namesChanged) {
            setIfDifferent(variables, dag.names());
        }
        if (rolesChanged) {
            setIfDifferent(exposures, dag.withRole(Role.EXPOSURE));
            setIfDifferent(outcomes, dag.withRole(Role.OUTCOME));
        }
        namesChanged = false;
        rolesChanged = false;
        startRun();
    }

    // ---------------------------------------------------------------- commands

    /** Makes exactly {@code names} the exposures, as one undoable edit; former exposures become ordinary. */
    public void setExposures(Collection<String> names) {
        assignRole(Role.EXPOSURE, names);
    }

    /** Makes exactly {@code names} the outcomes, as one undoable edit; former outcomes become ordinary. */
    public void setOutcomes(Collection<String> names) {
        assignRole(Role.OUTCOME, names);
    }

    /** Checks {@code set} (plus the variables adjusted for by their role) and shows its paths on the canvas. */
    public void chooseSet(Collection<String> set) {
        setProblem.set("");
        Set<String> chosen = Collections.unmodifiableSet(new TreeSet<>(set));
        if (!chosen.equals(chosenSet.get())) {
            chosenSet.set(chosen);
            questionChanged();
        }
    }

    /**
     * Reads a set typed as names separated by commas or spaces, braces allowed ({@code { a, b }}), names
     * in any case. Unknown names are reported in {@link #setProblemProperty()} and change nothing.
     */
    public void typeSet(String text) {
        Dag dag = history.dag();
        List<String> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String token : text.split("[\\s,{}]+")) {
            if (!token.isEmpty()) {
                dag.findName(token).ifPresentOrElse(found::add, () -> unknown.add(token));
            }
        }
        if (unknown.isEmpty()) {
            chooseSet(found);
        } else {
            setProblem.set((unknown.size() == 1 ? "No variable is named " : "No variables are named ")
                    + QueryText.names(unknown) + ".");
        }
    }

    /**
     * Shows that a graph text could not be taken because it has a directed cycle. The answer for the
     * canvas's graph comes back with the next edit or {@link #dismissNotADag()}.
     *
     * @param source what the text was, e.g. "pasted DAGitty text (line 3, column 5)"
     */
    public void showNotADag(NotADag cycle, String source) {
        notADag = new QueryAnswer.NotADag(cycle, source);
        publishAnswer();
    }

    public void dismissNotADag() {
        notADag = null;
        publishAnswer();
    }

    // ---------------------------------------------------------------- text for the clipboard

    /** The answer, with the identification sentence when there is one. */
    public String answerText() {
        QueryAnswer shown = answer.get();
        if (shown == null) {
            return "";
        }
        return identification.get().isEmpty() ? shown.text() : shown.text() + "\n" + identification.get();
    }

    /** Everything the panel shows, as one plain-text report. */
    public String reportText() {
        StringBuilder text = new StringBuilder();
        text.append("Exposures: ").append(exposures.isEmpty() ? "none" : QueryText.names(exposures)).append('\n');
        text.append("Outcomes: ").append(outcomes.isEmpty() ? "none" : QueryText.names(outcomes)).append('\n');
        text.append("Effect: ").append(effect.get().name().toLowerCase(Locale.ROOT)).append("\n\n");
        text.append(answerText()).append("\n\n");
        if (verdict.get() != null) {
            text.append("Adjusting for ").append(QueryText.set(chosenSet.get())).append(": ")
                    .append(verdict.get().text()).append("\n\n");
        }
        if (!paths.isEmpty()) {
            text.append("Paths (").append(pathSummary.get()).append("):\n").append(QueryText.paths(paths)).append("\n\n");
        }
        text.append("Instruments: ").append(instruments.isEmpty() ? instrumentSummary.get() : "\n"
                + QueryText.instruments(instruments)).append("\n\n");
        text.append("Testable implications: ").append(implications.isEmpty() ? implicationSummary.get() : "\n"
                + QueryText.implications(implications)).append('\n');
        return text.toString();
    }

    // ---------------------------------------------------------------- properties

    /** Every variable's name, in the graph's order: what the pickers offer. */
    public ObservableList<String> getVariables() {
        return variablesView;
    }

    /** The variables whose role is exposure, in the graph's order. */
    public ObservableList<String> getExposures() {
        return exposuresView;
    }

    public ObservableList<String> getOutcomes() {
        return outcomesView;
    }

    public ObjectProperty<Effect> effectProperty() {
        return effect;
    }

    /** The set being checked, sorted; the variables adjusted for by their role are added when checking. */
    public ReadOnlyObjectProperty<Set<String>> chosenSetProperty() {
        return chosenSet.getReadOnlyProperty();
    }

    /** Why the last typed set was not taken; empty when it was. */
    public ReadOnlyStringProperty setProblemProperty() {
        return setProblem.getReadOnlyProperty();
    }

    /** The current answer; null until the first run has finished. */
    public ReadOnlyObjectProperty<QueryAnswer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** The minimal sufficient adjustment sets of the answer, to pick from; empty for the other answers. */
    public ObservableList<Set<String>> getSets() {
        return setsView;
    }

    /** Whether the total effect is identifiable when that is not plain from the answer; often empty. */
    public ReadOnlyStringProperty identificationProperty() {
        return identification.getReadOnlyProperty();
    }

    /** The chosen set's check; null when there is no question. */
    public ReadOnlyObjectProperty<SetVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Paths between exposures and outcomes given the chosen set: open biasing ones first. */
    public ObservableList<PathRow> getPaths() {
        return pathsView;
    }

    public ReadOnlyStringProperty pathSummaryProperty() {
        return pathSummary.getReadOnlyProperty();
    }

    public ObservableList<Independence> getImplications() {
        return implicationsView;
    }

    public ReadOnlyStringProperty implicationSummaryProperty() {
        return implicationSummary.getReadOnlyProperty();
    }

    public ObservableList<Instrument> getInstruments() {
        return instrumentsView;
    }

    public ReadOnlyStringProperty instrumentSummaryProperty() {
        return instrumentSummary.getReadOnlyProperty();
    }

    /** Whether the paths are drawn on the canvas. */
    public BooleanProperty showOnCanvasProperty() {
        return showOnCanvas;
    }

    /** What the canvas should draw over the graph; {@link CanvasOverlay#NONE} when nothing. */
    public ReadOnlyObjectProperty<CanvasOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** True while a run is in progress (the previous answer stays on show meanwhile). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A failed analysis or a refused role change, for the analyst; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- runs

    private void questionChanged() {
        if (history != null) {
            startRun();
        }
    }

    private void startRun() {
        long run = ++runs;
        if (token != null) {
            token.cancel();
        }
        CancellationToken mine = new CancellationToken();
        token = mine;
        Optional<org.recausal.engine.analysis.AnalysisReport> reusable = result != null
                && result.graphVersion() == graphVersion ? Optional.of(result.report()) : Optional.empty();
        QueryRequest request = new QueryRequest(graphVersion, GraphSnapshot.of(history.dag()), effect.get(),
                chosenSet.get(), reusable);
        running.set(true);
        tasks.run("analyse the graph", () -> QueryComputation.compute(request, mine), computed -> {
            if (run == runs) {
                running.set(false);
                show(computed);
            }
        }, failure -> {
            if (run == runs) {
                running.set(false);
                if (!(failure instanceof CancelledException)) {
                    problem.set("The analysis failed: " + failure.getMessage());
                }
            }
        });
    }

    private void show(QueryResult computed) {
        result = computed;
        problem.set("");
        publishAnswer();
        verdict.set(computed.verdict().orElse(null));
        setIfDifferent(paths, computed.paths());
        pathSummary.set(pathSummary(computed));
        setIfDifferent(implications, computed.implications());
        int count = computed.implications().size();
        implicationSummary.set(count == 0
                ? "None: every pair of observed variables is adjacent or cannot be separated."
                : count + " testable implication" + (count == 1 ? "" : "s")
                        + (computed.implicationsTruncated() ? " (the first " + count + "; more exist)" : ""));
        setIfDifferent(instruments, computed.instruments());
        long conditional = computed.instruments().stream().filter(Instrument::conditional).count();
        instrumentSummary.set(computed.instruments().isEmpty() ? computed.instrumentsNote()
                : computed.instruments().size() + " instrument" + (computed.instruments().size() == 1 ? "" : "s")
                        + (conditional == 0 ? "" : ", " + conditional + " conditional (given the variables after |)"));
        publishOverlay();
    }

    private static String pathSummary(QueryResult computed) {
        if (!computed.question().complete()) {
            return "";
        }
        if (computed.paths().isEmpty()) {
            return computed.pathsTruncated() ? "The path search ran out of time before finding a path."
                    : "No path joins the exposure and the outcome.";
        }
        List<String> parts = new ArrayList<>();
        for (PathRow.Status status : PathRow.Status.values()) {
            long n = computed.paths().stream().filter(row -> row.status() == status).count();
            if (n > 0) {
                parts.add(n + " " + switch (status) {
                    case OPEN_BIASING -> "open biasing";
                    case CAUSAL -> "causal";
                    case BLOCKED -> "blocked";
                });
            }
        }
        String summary = String.join(" \u00b7 ", parts);
        return computed.pathsTruncated() ? summary + " (the search stopped early; more paths exist)" : summary;
    }

    private void publishAnswer() {
        QueryAnswer shown = notADag != null ? notADag : result == null ? null : result.answer();
        answer.set(shown);
        setIfDifferent(sets, shown == null ? List.of() : shown.sets());
        identification.set(notADag != null || result == null ? "" : result.identification());
    }

    private void publishOverlay() {
        CanvasOverlay wanted = showOnCanvas.get() && result != null ? result.overlay() : CanvasOverlay.NONE;
        if (!wanted.equals(overlay.get())) {
            overlay.set(wanted);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assignRole(Role role, Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        String label = role.label().toLowerCase(Locale.ROOT);
        List<DagEdit> edits = new ArrayList<>();
        for (Variable variable : history.dag().variables()) {
            boolean want = wanted.contains(variable.name());
            if (want != (variable.role() == role)) {
                Role next = want ? role : Role.ORDINARY;
                edits.add(new UpdateVariable(variable.name(), v -> v.withRole(next),
                        "Make " + variable.name() + " " + next.label().toLowerCase(Locale.ROOT)));
            }
        }
        if (edits.isEmpty()) {
            return;
        }
        String description = wanted.isEmpty() ? "Clear the " + label : "Set " + label + " to " + QueryText.names(wanted);
        try {
            history.execute(edits.size() == 1 ? edits.getFirst() : new CompoundEdit(edits, description));
        } catch (DagException refused) {
            problem.set(refused.getMessage());
        }
    }

    private static Set<String> without(Set<String> set, String name, String replacement) {
        Set<String> changed = new TreeSet<>(set);
        changed.remove(name);
        if (replacement != null) {
            changed.add(replacement);
        }
        return Collections.unmodifiableSet(changed);
    }

    /** Leaves lists that already hold the values alone, so the controls showing them do not flicker. */
    private static <T> void setIfDifferent(ObservableList<T> list, List<T> values) {
        if (!list.equals(values)) {
            list.setAll(values);
        }
    }
}
