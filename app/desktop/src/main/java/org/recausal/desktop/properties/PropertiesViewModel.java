package org.recausal.desktop.properties;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.DagEdit;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.RenameVariable;
import org.recausal.engine.dag.edit.SetEdgeNote;
import org.recausal.engine.dag.edit.UpdateVariable;

/**
 * The property panel: shows the selected variable (name, role, data type, description) or the selected
 * edge (its note) and turns changes into undoable edits. A refused change (a duplicate or invalid
 * name) changes nothing and leaves its reason in {@link #errorProperty()}.
 */
public final class PropertiesViewModel {
    /** What the panel is about. */
    public enum Subject {
        NONE,
        VARIABLE,
        EDGE,
        SEVERAL
    }

    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>(this, "subject", Subject.NONE);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(this, "role");
    private final ReadOnlyObjectWrapper<DataType> type = new ReadOnlyObjectWrapper<>(this, "type");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper causes = new ReadOnlyStringWrapper(this, "causes", "");
    private final ReadOnlyStringWrapper effects = new ReadOnlyStringWrapper(this, "effects", "");
    /** Text fields edit drafts; a commit turns a changed draft into an edit. */
    private final Draft name = new Draft("name");
    private final Draft description = new Draft("description");
    private final Draft note = new Draft("note");

    private final Runnable historyListener = this::historyChanged;
    private final Consumer<DagChange> dagListener = this::dagChanged;
    private EditHistory history;
    private Set<String> selectedVariables = Set.of();
    /** The variable shown; follows renames so an undo of a rename keeps the panel on the same variable. */
    private String variable;
    private String edgeFrom;
    private String edgeTo;
    /**
     * True between the first graph change of an edit, undo or redo and the history's notice that it is
     * done. A selection change then comes from the canvas following the graph, and committing drafts
     * would nest an edit inside another.
     */
    private boolean graphChanging;

    /** Shows the graph of {@code edits}; the selection is cleared. */
    public void setHistory(EditHistory edits) {
        if (history != null) {
            history.removeListener(historyListener);
            history.dag().removeListener(dagListener);
        }
        history = edits;
        history.addListener(historyListener);
        history.dag().addListener(dagListener);
        selectedVariables = Set.of();
        variable = null;
        edgeFrom = null;
        edgeTo = null;
        error.set("");
        refresh();
    }

    /**
     * The canvas selection changed: changed drafts go to what was shown before, then the panel shows the
     * new selection. A single variable wins over an edge.
     */
    public void select(Set<String> variables, CausalEdge edge) {
        if (!graphChanging) {
            commitAll();
        }
        selectedVariables = Set.copyOf(variables);
        variable = selectedVariables.size() == 1 ? selectedVariables.iterator().next() : null;
        edgeFrom = edge == null ? null : edge.from();
        edgeTo = edge == null ? null : edge.to();
        error.set("");
        refresh();
    }

    // ---------------------------------------------------------------- changes

    /** Renames the shown variable to the name draft; false (with the reason in {@link #errorProperty()}) when refused. */
    public boolean commitName() {
        if (subject.get() != Subject.VARIABLE || !name.changed()) {
            return true;
        }
        String trimmed = name.get().strip();
        if (trimmed.equals(variable)) {
            name.load(variable);
            error.set("");
            return true;
        }
        return execute(new RenameVariable(variable, trimmed));
    }

    public void commitDescription() {
        if (subject.get() == Subject.VARIABLE && description.changed()) {
            String text = description.get().strip();
            changeVariable(v -> v.withDescription(text), "Edit description of " + variable);
        }
    }

    public void commitNote() {
        if (subject.get() == Subject.EDGE && note.changed()) {
            execute(new SetEdgeNote(edgeFrom, edgeTo, note.get().strip()));
        }
    }

    public void setRole(Role newRole) {
        if (subject.get() == Subject.VARIABLE && newRole != role.get()) {
            changeVariable(v -> v.withRole(newRole), "Set role of " + variable + " to " + newRole.label());
        }
    }

    public void setType(DataType newType) {
        if (subject.get() == Subject.VARIABLE && newType != type.get()) {
            changeVariable(v -> v.withType(newType), "Set type of " + variable + " to " + newType.label());
        }
    }

    /** Drops the drafts and the error: the fields show the graph again. */
    public void revert() {
        error.set("");
        name.load(name.loaded);
        description.load(description.loaded);
        note.load(note.loaded);
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** A title for the panel: "Variable", "Edge a → b", "3 variables selected", "Nothing selected". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The name draft, edited by the name field. */
    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataType> typeProperty() {
        return type.getReadOnlyProperty();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The shown variable's parents (direct causes), comma-separated, or "none". */
    public ReadOnlyStringProperty causesProperty() {
        return causes.getReadOnlyProperty();
    }

    /** The shown variable's children (direct effects), comma-separated, or "none". */
    public ReadOnlyStringProperty effectsProperty() {
        return effects.getReadOnlyProperty();
    }

    /** Why the last change was refused; empty when it was not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- internals

    /** A text the analyst edits, and the value last loaded from the graph. */
    private final class Draft extends SimpleStringProperty {
        private String loaded = "";

        Draft(String propertyName) {
            super(PropertiesViewModel.this, propertyName, "");
        }

        void load(String value) {
            loaded = value;
            set(value);
        }

        boolean changed() {
            return !get().strip().equals(loaded);
        }

        /** Loads {@code value} unless it is what was loaded before: an unrelated edit keeps the typing. */
        void reload(String value, boolean sameSubject) {
            if (!sameSubject || !value.equals(loaded)) {
                load(value);
            }
        }
    }

    private void commitAll() {
        commitName();
        commitDescription();
        commitNote();
    }

    private void changeVariable(UnaryOperator<Variable> change, String what) {
        execute(new UpdateVariable(variable, change, what));
    }

    private boolean execute(DagEdit edit) {
        try {
            history.execute(edit);
            error.set("");
            return true;
        } catch (DagException e) {
            // A refused compound edit rolls back with change events but no history notice.
            graphChanging = false;
            error.set(e.getMessage());
            return false;
        }
    }

    private void dagChanged(DagChange change) {
        graphChanging = true;
        if (change instanceof DagChange.VariableRenamed(String oldName, String newName)) {
            variable = oldName.equals(variable) ? newName : variable;
            edgeFrom = oldName.equals(edgeFrom) ? newName : edgeFrom;
            edgeTo = oldName.equals(edgeTo) ? newName : edgeTo;
        }
    }

    private void historyChanged() {
        graphChanging = false;
        refresh();
    }

    private void refresh() {
        Dag dag = history == null ? null : history.dag();
        Subject before = subject.get();
        String headingBefore = heading.get();
        if (dag != null && variable != null && dag.contains(variable)) {
            Variable shown = dag.require(variable);
            show(Subject.VARIABLE, "Variable");
            // A rename changes the name, not the subject: the "same subject" is the same heading and kind.
            boolean same = before == Subject.VARIABLE && name.loaded.equals(shown.name());
            name.reload(shown.name(), same);
            description.reload(shown.description(), same);
            role.set(shown.role());
            type.set(shown.type());
            causes.set(listing(dag.parents(variable)));
            effects.set(listing(dag.children(variable)));
        } else if (dag != null && selectedVariables.size() > 1) {
            show(Subject.SEVERAL, selectedVariables.size() + " variables selected");
        } else if (dag != null && edgeFrom != null && dag.hasEdge(edgeFrom, edgeTo)) {
            show(Subject.EDGE, "Edge " + edgeFrom + " \u2192 " + edgeTo);
            note.reload(dag.edge(edgeFrom, edgeTo).orElseThrow().note(), heading.get().equals(headingBefore));
        } else {
            show(Subject.NONE, "Nothing selected");
        }
    }

    private static String listing(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private void show(Subject shown, String title) {
        subject.set(shown);
        heading.set(title);
    }
}
