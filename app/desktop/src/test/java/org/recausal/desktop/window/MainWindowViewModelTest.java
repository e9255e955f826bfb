package org.recausal.desktop.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.dialog.SaveChoice;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.Version;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.AddVariable;
import org.recausal.engine.dag.edit.RenameVariable;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

class MainWindowViewModelTest {
    @TempDir
    Path temp;

    private ScriptedDialogs dialogs;
    private RecentFiles recentFiles;
    private MainWindowViewModel model;

    @BeforeEach
    void createModel() {
        dialogs = new ScriptedDialogs();
        recentFiles = new RecentFiles(temp.resolve("config"));
        model = new MainWindowViewModel(dialogs, new SameThreadExecutor(), recentFiles);
    }

    private void addVariables(String... names) {
        for (String name : names) {
            model.currentHistory().execute(new AddVariable(Variable.of(name)));
        }
    }

    /** A saved project file with a -> b (note), roles, types and positions. */
    private Path savedProject(String fileName) throws Exception {
        Dag dag = new Dag();
        dag.addVariable(new Variable("price", Role.EXPOSURE, DataType.CONTINUOUS, "list price", null).at(10, 20));
        dag.addVariable(Variable.of("sales", Role.OUTCOME, DataType.COUNT).at(10, 120));
        dag.addEdge("price", "sales", "demand");
        Path file = temp.resolve(fileName);
        ProjectFiles.save(new Project("Pricing", dag), file);
        return file;
    }

    @Test
    void aNewWindowShowsAnEmptyUntitledProjectWithNothingToUndo() {
        assertThat(model.titleProperty().get()).isEqualTo("Untitled \u2014 Recausal");
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.canRedoProperty().get()).isFalse();
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo");
        assertThat(model.graphSummaryProperty().get()).isEqualTo("0 variables \u00b7 0 edges");
        assertThat(model.fileProperty().get()).isNull();
    }

    @Test
    void editsMarkTheTitleAndNameWhatUndoAndRedoWouldDo() {
        addVariables("a", "b");
        model.currentHistory().execute(new AddEdge("a", "b"));

        assertThat(model.titleProperty().get()).isEqualTo("\u2022 Untitled \u2014 Recausal");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Add edge a -> b");
        assertThat(model.graphSummaryProperty().get()).isEqualTo("2 variables \u00b7 1 edge");

        model.undo();
        assertThat(model.redoTextProperty().get()).isEqualTo("Redo Add edge a -> b");
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Add b");
        assertThat(model.canRedoProperty().get()).isTrue();
        assertThat(model.currentHistory().dag().edgeCount()).isZero();

        model.redo();
        assertThat(model.currentHistory().dag().hasEdge("a", "b")).isTrue();
        assertThat(model.canRedoProperty().get()).isFalse();

        // Undoing back to the state as opened is not a change.
        model.undo();
        model.undo();
        model.undo();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo("Untitled \u2014 Recausal");
    }

    @Test
    void firstSaveAsksForAFileAddsTheExtensionAndNamesTheProjectAfterIt() throws Exception {
        addVariables("a", "b");
        model.currentHistory().execute(new AddEdge("a", "b"));
        dialogs.answerSave(temp.resolve("shop"));

        model.save();

        Path file = temp.resolve("shop.recausal");
        assertThat(dialogs.suggestedNames()).containsExactly("Untitled.recausal");
        assertThat(model.fileProperty().get()).isEqualTo(file);
        assertThat(model.titleProperty().get()).isEqualTo("shop \u2014 Recausal");
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.getRecentFiles()).containsExactly(file);
        Project reopened = ProjectFiles.open(file);
        assertThat(reopened.name()).isEqualTo("shop");
        assertThat(reopened.dag().names()).containsExactly("a", "b");
        assertThat(reopened.dag().hasEdge("a", "b")).isTrue();
    }

    @Test
    void laterSavesWriteTheSameFileWithoutAsking() throws Exception {
        dialogs.answerSave(temp.resolve("shop.recausal"));
        addVariables("a");
        model.save();
        addVariables("b");
        assertThat(model.dirtyProperty().get()).isTrue();

        model.save();

        assertThat(dialogs.scriptUsedUp()).isTrue();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(ProjectFiles.open(temp.resolve("shop.recausal")).dag().names()).containsExactly("a", "b");
    }

    @Test
    void openingReplacesTheProjectWithAFreshHistory() throws Exception {
        Path file = savedProject("pricing.recausal");
        addVariables("scratch");
        dialogs.answerSaveChanges(SaveChoice.DONT_SAVE).answerOpen(file);

        model.open();

        assertThat(dialogs.saveQuestions()).containsExactly("Untitled");
        assertThat(model.titleProperty().get()).isEqualTo("Pricing \u2014 Recausal");
        assertThat(model.fileProperty().get()).isEqualTo(file);
        assertThat(model.canUndoProperty().get()).isFalse();
        Dag dag = model.currentHistory().dag();
        assertThat(dag.names()).containsExactly("price", "sales");
        assertThat(dag.require("price").description()).isEqualTo("list price");
        assertThat(dag.edge("price", "sales")).get().extracting(e -> e.note()).isEqualTo("demand");
        assertThat(model.graphSummaryProperty().get()).isEqualTo("2 variables \u00b7 1 edge");
        assertThat(model.getRecentFiles()).containsExactly(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "empty", "traversal", "cycle", "missing"})
    void aMalformedOrHostileFileShowsAnErrorAndKeepsTheCurrentProject(String kind) throws Exception {
        Path bad = temp.resolve(kind + ".recausal");
        String expectedReason = writeBadProject(kind, bad);
        addVariables("a", "b");
        Project before = model.currentProject();

        model.openFile(bad);

        assertThat(dialogs.errors()).hasSize(1);
        ScriptedDialogs.Message error = dialogs.errors().getFirst();
        assertThat(error.title()).isEqualTo("Cannot open " + bad.getFileName());
        assertThat(error.text()).contains(expectedReason).contains(bad.toString());
        assertThat(model.currentProject()).isSameAs(before);
        assertThat(model.currentHistory().dag().names()).containsExactly("a", "b");
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Add b");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.getRecentFiles()).isEmpty();
    }

    /** Writes a bad project of the given kind and returns a fragment of the expected reason. */
    private static String writeBadProject(String kind, Path file) throws IOException {
        switch (kind) {
            case "text" -> Files.writeString(file, "name,role\nprice,exposure\n");
            case "empty" -> Files.write(file, new byte[0]);
            case "traversal" -> writeZip(file, "../../escape.json", "{}");
            case "cycle" -> writeZip(file, "manifest.json", """
                    {"format": "recausal-project", "formatVersion": 1, "appVersion": "0.1.0", "name": "x",
                     "parts": [{"path": "graph.json", "kind": "graph"}]}""",
                    "graph.json", """
                    {"variables": [{"name": "a", "role": "ordinary", "type": "binary", "x": 0, "y": 0},
                                   {"name": "b", "role": "ordinary", "type": "binary", "x": 0, "y": 0}],
                     "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}""");
            case "missing" -> {
                return "does not exist";
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return switch (kind) {
            case "text" -> "not a zip";
            case "empty" -> "empty";
            case "traversal" -> "escape.json";
            default -> "cycle";
        };
    }

    private static void writeZip(Path file, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow() {
        addVariables("a");
        AtomicInteger closed = new AtomicInteger();
        dialogs.answerSaveChanges(SaveChoice.CANCEL);

        model.requestClose(closed::incrementAndGet);

        assertThat(dialogs.saveQuestions()).containsExactly("Untitled");
        assertThat(closed).hasValue(0);
        assertThat(model.dirtyProperty().get()).isTrue();
    }

    @Test
    void closingWithoutSavingClosesAndWritesNothing() throws IOException {
        addVariables("a");
        AtomicInteger closed = new AtomicInteger();
        dialogs.answerSaveChanges(SaveChoice.DONT_SAVE);

        model.requestClose(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        try (var files = Files.list(temp)) {
            assertThat(files.filter(f -> f.toString().endsWith(ProjectFiles.EXTENSION))).isEmpty();
        }
    }

    @Test
    void closingACleanProjectDoesNotAsk() {
        AtomicInteger closed = new AtomicInteger();
        model.requestClose(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(dialogs.saveQuestions()).isEmpty();
    }

    @Test
    void choosingSaveWhenClosingSavesFirstAndAbandonedSaveAsKeepsTheWindow() throws Exception {
        addVariables("a");
        AtomicInteger closed = new AtomicInteger();
        dialogs.answerSaveChanges(SaveChoice.SAVE).answerSave(null);
        model.requestClose(closed::incrementAndGet);
        assertThat(closed).hasValue(0);
        assertThat(model.dirtyProperty().get()).isTrue();

        dialogs.answerSaveChanges(SaveChoice.SAVE).answerSave(temp.resolve("kept.recausal"));
        model.requestClose(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(ProjectFiles.open(temp.resolve("kept.recausal")).dag().names()).containsExactly("a");
    }

    @Test
    void aFailedSaveShowsTheFileAndReasonKeepsTheChangesAndDoesNotClose() {
        addVariables("a");
        Path nowhere = temp.resolve("no-such-folder").resolve("x.recausal");
        AtomicInteger closed = new AtomicInteger();
        dialogs.answerSaveChanges(SaveChoice.SAVE).answerSave(nowhere);

        model.requestClose(closed::incrementAndGet);

        assertThat(closed).hasValue(0);
        assertThat(dialogs.errors()).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Cannot save x.recausal");
            assertThat(error.text()).contains("does not exist").contains(nowhere.toString());
        });
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.fileProperty().get()).isNull();
        assertThat(model.titleProperty().get()).isEqualTo("\u2022 Untitled \u2014 Recausal");
    }

    @Test
    void newProjectAsksAboutChangesAndCancelKeepsEverything() {
        addVariables("a");
        Project before = model.currentProject();
        dialogs.answerSaveChanges(SaveChoice.CANCEL);
        model.newProject();
        assertThat(model.currentProject()).isSameAs(before);

        dialogs.answerSaveChanges(SaveChoice.DONT_SAVE);
        model.newProject();
        assertThat(model.currentProject()).isNotSameAs(before);
        assertThat(model.currentHistory().dag().size()).isZero();
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void editsMadeWhileASaveRunsStayUnsavedAndAreNotInTheFile() throws Exception {
        DeferredExecutor deferred = new DeferredExecutor();
        model = new MainWindowViewModel(dialogs, deferred, recentFiles);
        addVariables("a");
        dialogs.answerSave(temp.resolve("race.recausal"));
        model.save();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.busyTextProperty().get()).isEqualTo("Saving race.recausal\u2026");

        addVariables("b");
        deferred.runAll();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.fileProperty().get()).isEqualTo(temp.resolve("race.recausal"));
        assertThat(ProjectFiles.open(temp.resolve("race.recausal")).dag().names()).containsExactly("a");
    }

    @Test
    void fileCommandsWaitForARunningOpen() throws Exception {
        DeferredExecutor deferred = new DeferredExecutor();
        model = new MainWindowViewModel(dialogs, deferred, recentFiles);
        model.openFile(savedProject("slow.recausal"));
        AtomicInteger closed = new AtomicInteger();

        model.requestClose(closed::incrementAndGet);

        assertThat(closed).hasValue(0);
        assertThat(model.noticeProperty().get().text()).isEqualTo("Please wait: Opening slow.recausal\u2026");
        deferred.runAll();
        assertThat(model.titleProperty().get()).isEqualTo("Pricing \u2014 Recausal");
    }

    @Test
    void saveAsRenamesTheProjectAndRemembersBothFilesNewestFirst() throws Exception {
        Path first = savedProject("first.recausal");
        model.openFile(first);
        dialogs.answerSave(temp.resolve("second.recausal"));

        model.saveAs();

        assertThat(dialogs.suggestedNames()).containsExactly("Pricing.recausal");
        assertThat(model.titleProperty().get()).isEqualTo("second \u2014 Recausal");
        assertThat(model.getRecentFiles()).containsExactly(temp.resolve("second.recausal"), first);
    }

    @Test
    void aRecentFileThatVanishedIsReportedAndDropped() throws Exception {
        Path file = savedProject("gone.recausal");
        model.openFile(file);
        Files.delete(file);

        model.openRecent(file);

        assertThat(dialogs.errors()).singleElement().satisfies(e -> assertThat(e.text()).contains("does not exist"));
        assertThat(model.getRecentFiles()).isEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("Pricing \u2014 Recausal");
    }

    @Test
    void refusedEditsBecomeWarningNoticesEvenWhenRepeated() {
        List<Notice> seen = new ArrayList<>();
        model.noticeProperty().addListener((_, _, notice) -> seen.add(notice));
        model.reportRefusal("This edge would create a cycle: c -> a -> b -> c.");
        model.reportRefusal("This edge would create a cycle: c -> a -> b -> c.");
        assertThat(seen).hasSize(2).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.WARNING);
            assertThat(n.text()).contains("c -> a -> b -> c");
        });
    }

    @Test
    void exportAddsTheExtensionAndReportsFailuresWithTheFile() {
        List<Path> written = new ArrayList<>();
        dialogs.answerExport(temp.resolve("figure"));
        model.export(ExportFormat.PNG, written::add);
        assertThat(written).containsExactly(temp.resolve("figure.png"));
        assertThat(dialogs.suggestedNames()).containsExactly("Untitled.png");
        assertThat(model.noticeProperty().get().text()).isEqualTo("Exported the graph to figure.png.");

        dialogs.answerExport(temp.resolve("figure.svg"));
        model.export(ExportFormat.SVG, file -> {
            throw new java.nio.file.AccessDeniedException(file.toString());
        });
        assertThat(dialogs.errors()).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Cannot export figure.svg");
            assertThat(error.text()).startsWith("Permission denied.").contains(temp.resolve("figure.svg").toString());
        });
    }

    @Test
    void renamesShowInTheUndoText() {
        addVariables("a");
        model.currentHistory().execute(new RenameVariable("a", "price"));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Rename a to price");
    }

    @Test
    void aboutNamesTheVersion() {
        model.about();
        assertThat(dialogs.information()).singleElement()
                .satisfies(info -> assertThat(info.title()).isEqualTo("Recausal " + Version.current()));
    }

    /** Holds work until the test releases it, like a slow disk. */
    private static final class DeferredExecutor implements TaskExecutor {
        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Exception> onFailure) {
            pending.add(() -> new SameThreadExecutor().run(description, work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = List.copyOf(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }
}
