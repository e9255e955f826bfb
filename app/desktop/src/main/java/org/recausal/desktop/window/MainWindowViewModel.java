package org.recausal.desktop.window;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.Version;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

/**
 * The state and commands of the main window: which project is open, from which file, whether it has
 * unsaved changes, what undo and redo would do, and the file commands (new, open, save, save as,
 * export, close) with their "save the changes first?" questions. Holds no controls; the window binds
 * to its properties.
 */
public final class MainWindowViewModel {
    static final String APP_NAME = "Recausal";
    static final String UNTITLED = "Untitled";
    static final String DIRTY_MARK = "\u2022 ";

    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final RecentFiles recentFiles;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<EditHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyStringWrapper graphSummary = new ReadOnlyStringWrapper(this, "graphSummary");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    private final Runnable historyListener = this::historyChanged;
    /** Counts history and data changes, so a save that finishes after further edits does not claim them saved. */
    private long revision;
    /** The project's datasets changed since it was opened or saved (graph edits are the history's to track). */
    private boolean dataModified;

    public MainWindowViewModel(DialogService dialogs, TaskExecutor tasks, RecentFiles recentFiles) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.recentFiles = Objects.requireNonNull(recentFiles, "recentFiles");
        recent.setAll(recentFiles.list());
        replace(new Project(UNTITLED, new Dag()), null);
    }

    // ---------------------------------------------------------------- file commands

    /** Starts an empty project, after asking about unsaved changes. */
    public void newProject() {
        afterSavingChanges(() -> replace(new Project(UNTITLED, new Dag()), null));
    }

    /** Asks for a project file and opens it, after asking about unsaved changes. */
    public void open() {
        afterSavingChanges(() -> dialogs.chooseProjectToOpen(folder()).ifPresent(this::openFile));
    }

    /** Opens a file from the Open Recent menu, after asking about unsaved changes. */
    public void openRecent(Path recentFile) {
        afterSavingChanges(() -> openFile(recentFile));
    }

    /**
     * Opens {@code path} in the background. On success it replaces the current project; on failure
     * the current project stays and an error names the file and the reason.
     */
    public void openFile(Path path) {
        Path target = path.toAbsolutePath().normalize();
        startBusy("Opening " + target.getFileName() + "\u2026");
        tasks.run("open " + target.getFileName(),
                () -> new Loaded(ProjectFiles.open(target), remember(target)),
                loaded -> {
                    endBusy();
                    replace(loaded.project(), target);
                    showRecent(loaded.recent());
                },
                failure -> {
                    endBusy();
                    dialogs.showError("Cannot open " + target.getFileName(), reason(failure) + where(target));
                    recent.setAll(recentFiles.list());
                });
    }

    /** Saves to the current file, or asks for one when the project has none yet. */
    public void save() {
        save(() -> {
        });
    }

    /** Always asks for a file; the project takes the file's name. */
    public void saveAs() {
        saveAs(() -> {
        });
    }

    /** Asks to save unsaved changes, then runs {@code close}; a cancelled question or failed save keeps the window. */
    public void requestClose(Runnable close) {
        afterSavingChanges(close);
    }

    /** Asks where to export the canvas picture and writes it there through {@code exporter}. */
    public void export(ExportFormat format, PictureExporter exporter) {
        String suggested = currentProject().name() + "." + format.extension();
        dialogs.chooseExportFile(format, suggested, folder()).ifPresent(chosen -> {
            Path target = FileNames.withExtension(chosen, "." + format.extension());
            try {
                exporter.export(target);
                tell(Notice.Kind.INFO, "Exported the graph to " + target.getFileName() + ".");
            } catch (IOException | RuntimeException e) {
                dialogs.showError("Cannot export " + target.getFileName(), reason(e) + where(target));
            }
        });
    }

    /** Forgets the recent files. */
    public void clearRecent() {
        tasks.run("clear recent files", () -> {
            recentFiles.clear();
            return List.<Path>of();
        }, recent::setAll, failure -> tell(Notice.Kind.WARNING, "Could not clear the recent files: " + reason(failure)));
    }

    public void about() {
        dialogs.showInformation("About " + APP_NAME, APP_NAME + " " + Version.current(),
                "A workbench for causal questions about recommender systems.\n\n"
                        + "Java " + System.getProperty("java.version") + ", JavaFX "
                        + System.getProperty("javafx.runtime.version", "?") + "\n"
                        + "Licensed under the GNU General Public License, version 3 or later.");
    }

    // ---------------------------------------------------------------- edit commands

    public void undo() {
        try {
            currentHistory().undo();
        } catch (RuntimeException e) {
            tell(Notice.Kind.WARNING, "Cannot undo: " + reason(e));
        }
    }

    public void redo() {
        try {
            currentHistory().redo();
        } catch (RuntimeException e) {
            tell(Notice.Kind.WARNING, "Cannot redo: " + reason(e));
        }
    }

    /** The data panel added, removed, relinked a dataset or edited a mapping: the project has unsaved changes. */
    public void markDataChanged() {
        dataModified = true;
        revision++;
        dirty.set(true);
        updateTitle();
    }

    /** Shows why an edit was refused (a cycle, a duplicate name) in the notification bar. */
    public void reportRefusal(String message) {
        tell(Notice.Kind.WARNING, message);
    }

    /** Shows that something finished well (an export) in the notification bar. */
    public void reportInformation(String message) {
        tell(Notice.Kind.INFO, message);
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project currentProject() {
        return project.get();
    }

    public ReadOnlyObjectProperty<EditHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }

    public EditHistory currentHistory() {
        return history.get();
    }

    /** The file the project was opened from or last saved to; null for a project never saved. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo" followed by what it would undo, e.g. "Undo Add edge a -> b". */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Variable and edge counts for the status bar, e.g. "3 variables · 2 edges". */
    public ReadOnlyStringProperty graphSummaryProperty() {
        return graphSummary.getReadOnlyProperty();
    }

    /** True while a file is being opened or saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** The latest message for the notification bar. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Recent project files, newest first; only files that existed when the list was last read. */
    public ObservableList<Path> getRecentFiles() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    // ---------------------------------------------------------------- internals

    /** A picture export of the canvas, e.g. {@code canvas::exportPng}. */
    @FunctionalInterface
    public interface PictureExporter {
        void export(Path file) throws IOException;
    }

    private record Loaded(Project project, RecentUpdate recent) {
    }

    /** The recent list after adding a file, or why it could not be written (the list is a convenience). */
    private record RecentUpdate(List<Path> files, String problem) {
    }

    private void afterSavingChanges(Runnable next) {
        if (busy.get()) {
            tell(Notice.Kind.WARNING, "Please wait: " + busyText.get());
            return;
        }
        if (!dirty.get()) {
            next.run();
            return;
        }
        switch (dialogs.askSaveChanges(currentProject().name())) {
            case SAVE -> save(next);
            case DONT_SAVE -> next.run();
            case CANCEL -> {
            }
        }
    }

    private void save(Runnable then) {
        if (file.get() == null) {
            saveAs(then);
        } else {
            write(file.get(), currentProject().name(), then);
        }
    }

    private void saveAs(Runnable then) {
        String suggested = currentProject().name() + ProjectFiles.EXTENSION;
        dialogs.chooseProjectSaveFile(suggested, folder()).ifPresent(chosen -> {
            Path target = FileNames.withExtension(chosen, ProjectFiles.EXTENSION).toAbsolutePath().normalize();
            write(target, FileNames.stem(target), then);
        });
    }

    /**
     * Saves a copy of the graph taken now, so edits made while the file is written neither race with
     * the writer nor get marked as saved.
     */
    private void write(Path target, String name, Runnable then) {
        Project saving = currentProject();
        Project snapshot = saving.copy();
        snapshot.setName(name);
        long savedRevision = revision;
        startBusy("Saving " + target.getFileName() + "\u2026");
        tasks.run("save " + target.getFileName(), () -> {
            ProjectFiles.save(snapshot, target);
            return remember(target);
        }, update -> {
            endBusy();
            if (currentProject() == saving) {
                saving.setName(name);
                file.set(target);
                adoptSavedData(snapshot, saving);
                if (revision == savedRevision) {
                    dataModified = false;
                    currentHistory().markSaved();
                }
                updateTitle();
            }
            showRecent(update);
            then.run();
        }, failure -> {
            endBusy();
            dialogs.showError("Cannot save " + target.getFileName(), reason(failure) + where(target));
        });
    }

    /**
     * Embedded data are read from the saved file from now on (the file they came from may go); only where the
     * dataset still holds the same data.
     */
    private static void adoptSavedData(Project saved, Project live) {
        for (Dataset dataset : saved.datasets()) {
            live.dataset(dataset.id())
                    .filter(d -> d.embedded() && d.source().fingerprint().equals(dataset.source().fingerprint()))
                    .ifPresent(d -> live.replaceDataset(d.withSource(dataset.source())));
        }
    }

    /** Runs on the task thread: the recent list is a file too. */
    private RecentUpdate remember(Path opened) {
        try {
            return new RecentUpdate(recentFiles.add(opened), null);
        } catch (IOException e) {
            return new RecentUpdate(recentFiles.list(), "Could not update the list of recent files: " + reason(e));
        }
    }

    private void showRecent(RecentUpdate update) {
        recent.setAll(update.files());
        if (update.problem() != null) {
            tell(Notice.Kind.WARNING, update.problem());
        }
    }

    private void replace(Project opened, Path from) {
        EditHistory old = history.get();
        if (old != null) {
            old.removeListener(historyListener);
        }
        EditHistory fresh = new EditHistory(opened.dag());
        fresh.addListener(historyListener);
        project.set(opened);
        file.set(from);
        dataModified = false;
        history.set(fresh);
        historyChanged();
    }

    private void historyChanged() {
        revision++;
        EditHistory current = currentHistory();
        dirty.set(current.isDirty() || dataModified);
        canUndo.set(current.canUndo());
        canRedo.set(current.canRedo());
        undoText.set(current.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(current.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        Dag dag = current.dag();
        graphSummary.set(count(dag.size(), "variable") + " \u00b7 " + count(dag.edgeCount(), "edge"));
        updateTitle();
    }

    private void updateTitle() {
        title.set((dirty.get() ? DIRTY_MARK : "") + currentProject().name() + " \u2014 " + APP_NAME);
    }

    private void startBusy(String text) {
        busyText.set(text);
        busy.set(true);
    }

    private void endBusy() {
        busy.set(false);
        busyText.set("");
    }

    private void tell(Notice.Kind kind, String text) {
        notice.set(new Notice(kind, text));
    }

    /** Where file choosers start: the current file's folder, else the latest recent file's. */
    private Path folder() {
        Path current = file.get() != null ? file.get() : recent.isEmpty() ? null : recent.getFirst();
        return current == null ? null : current.toAbsolutePath().getParent();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String where(Path file) {
        return "\n\nFile: " + file;
    }

    /**
     * The analyst-facing reason. Project file errors already say what is wrong where; NIO exceptions
     * often carry only a path as their message, and the path is shown separately.
     */
    static String reason(Throwable failure) {
        if (failure instanceof AccessDeniedException) {
            return "Permission denied.";
        }
        if (failure instanceof NoSuchFileException) {
            return "The file or its folder does not exist.";
        }
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
