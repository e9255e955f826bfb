package org.recausal.desktop.interchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.recausal.desktop.canvas.ExportFiles;
import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.GraphExportChoice;
import org.recausal.desktop.query.GraphSnapshot;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.analysis.NotADag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.io.GraphParseException;
import org.recausal.engine.io.ImportResult;

/**
 * Graphs in and out of the canvas as text: paste a DAGitty, DOT or other graph text, import a graph
 * file, export the graph in an interchange format. Pasted and imported graphs are added beside what is
 * on the canvas as one undoable edit, laid out when the text has no positions; the canvas's graph is
 * never replaced, so nothing can be lost. Text that cannot be read changes nothing and says why,
 * naming the line and column; a text with a directed cycle is also shown as "not a DAG" in the query
 * panel. Reading, layout and writing run off the UI thread.
 */
public final class GraphTransferViewModel {
    /** What the panels need to hear about. */
    public interface Listener {
        /** A warning for the notification bar (bad text, a refused paste). */
        void warn(String message);

        /** Good news for the notification bar (a finished export). */
        void inform(String message);

        /** The text had a directed cycle; {@code source} says which text, e.g. "pasted DAGitty text (line 2, column 3)". */
        void notADag(NotADag cycle, String source);

        /** Variables were added; the canvas may want to show them all. */
        void added(List<String> names);
    }

    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Supplier<EditHistory> history;
    private final Supplier<Path> projectFolder;
    private final ToDoubleFunction<String> boxWidth;
    private final Listener listener;
    private Path lastFolder;

    /**
     * @param history       the graph now on the canvas
     * @param projectFolder where file choosers start when nothing was imported or exported yet; may give null
     * @param boxWidth      the width of a variable's box on the canvas, by name, measured on the UI thread
     */
    public GraphTransferViewModel(DialogService dialogs, TaskExecutor tasks, Supplier<EditHistory> history,
            Supplier<Path> projectFolder, ToDoubleFunction<String> boxWidth, Listener listener) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.history = Objects.requireNonNull(history, "history");
        this.projectFolder = Objects.requireNonNull(projectFolder, "projectFolder");
        this.boxWidth = Objects.requireNonNull(boxWidth, "boxWidth");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The formats a graph can be written in, DAGitty first. */
    public static List<GraphFormat> exportFormats() {
        return Arrays.stream(GraphFormat.values())
                .filter(format -> format.exporter().isPresent() && !format.extensions().isEmpty()).toList();
    }

    /** Adds the graph in {@code text} (clipboard contents; null when it held no text) to the canvas. */
    public void paste(String text) {
        if (text == null || text.isBlank()) {
            listener.warn("The clipboard holds no text to paste as a graph.");
            return;
        }
        Optional<GraphFormat> format = GraphFormat.sniff(text);
        if (format.isEmpty()) {
            listener.warn("Cannot paste: the clipboard text is in no graph format Recausal reads (DAGitty, DOT,"
                    + " GraphML, GML, Tetrad, BIF, JSON). Nothing was changed.");
            return;
        }
        String source = "pasted " + format.get().label() + " text";
        bringIn(source, () -> format.get().read(text), "Paste " + format.get().label() + " graph",
                message -> listener.warn("Cannot paste the " + format.get().label() + " text: " + message
                        + " Nothing was changed."));
    }

    /** Asks for a graph file and adds its graph to the canvas. */
    public void importGraph() {
        dialogs.chooseGraphToImport(folder()).ifPresent(this::importGraph);
    }

    /** Adds the graph in {@code file} to the canvas; the format comes from the extension, else the content. */
    public void importGraph(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        bringIn(name, () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            GraphFormat format = GraphFormat.detect(name, text).orElseThrow(() -> new GraphParseException(0, 0,
                    "This is in no graph format Recausal reads (DAGitty, DOT, GraphML, GML, Tetrad, BIF, JSON)."));
            return format.read(text);
        }, "Import " + name, message -> dialogs.showError("Cannot import " + name, message + "\n\nFile: " + file));
    }

    /** Asks where and in which format, then writes the whole graph there. */
    public void exportGraph(String projectName) {
        if (history.get().dag().size() == 0) {
            listener.warn("The graph is empty: add a variable before exporting it.");
            return;
        }
        List<GraphFormat> formats = exportFormats();
        String suggested = projectName + "." + formats.getFirst().extensions().getFirst();
        dialogs.chooseGraphExport(formats, suggested, folder()).ifPresent(this::export);
    }

    private void export(GraphExportChoice choice) {
        // A typed extension of another format wins over the filter; no extension gets the filter's.
        String name = choice.file().getFileName().toString();
        Optional<GraphFormat> named = GraphFormat.forFileName(name).filter(exportFormats()::contains);
        GraphFormat format = named.orElse(choice.format());
        Path file = named.isPresent() ? choice.file()
                : choice.file().resolveSibling(name + "." + format.extensions().getFirst());
        lastFolder = file.toAbsolutePath().getParent();
        GraphSnapshot snapshot = GraphSnapshot.of(history.get().dag());
        tasks.run("export the graph to " + file.getFileName(), () -> {
            byte[] text = format.exporter().orElseThrow().write(snapshot.toDag()).getBytes(StandardCharsets.UTF_8);
            ExportFiles.write(file, out -> out.write(text));
            return file;
        }, written -> listener.inform("Exported the graph to " + written.getFileName() + " (" + format.label() + ")."),
                failure -> dialogs.showError("Cannot export " + file.getFileName(), reason(failure) + "\n\nFile: " + file));
    }

    /**
     * Reads on a worker, measures the new names' boxes here, lays out on a worker, then adds the graph
     * on the UI thread. {@code refused} hears why nothing was added.
     */
    private void bringIn(String source, Callable<ImportResult> read, String description, Consumer<String> refused) {
        EditHistory target = history.get();
        tasks.run("read the " + source, read, imported -> {
            double widest = imported.hasPositions() ? 1 : IncomingGraph.widest(imported.dag(), boxWidth);
            GraphSnapshot existing = GraphSnapshot.of(target.dag());
            tasks.run("lay out the " + source, () -> IncomingGraph.place(imported, existing, widest),
                    incoming -> add(target, incoming, description, refused),
                    failure -> refused.accept(reason(failure)));
        }, failure -> {
            if (failure instanceof GraphParseException parse) {
                NotADag.of(parse).ifPresent(cycle -> listener.notADag(cycle, source + where(parse)));
            }
            refused.accept(reason(failure));
        });
    }

    private void add(EditHistory target, IncomingGraph incoming, String description, Consumer<String> refused) {
        if (target != history.get()) {
            refused.accept("Another project was opened meanwhile.");
            return;
        }
        try {
            target.execute(incoming.edit(description + " (" + count(incoming.variables().size(), "variable") + ")"));
        } catch (DagException e) {
            refused.accept(reason(e));
            return;
        }
        listener.added(incoming.variables().stream().map(v -> v.name()).toList());
        if (!incoming.warnings().isEmpty()) {
            listener.warn("Added " + count(incoming.variables().size(), "variable") + ". Note: "
                    + String.join(" ", incoming.warnings()));
        }
    }

    private Path folder() {
        return lastFolder != null ? lastFolder : projectFolder.get();
    }

    private static String where(GraphParseException e) {
        return e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
    }

    private static String reason(Throwable failure) {
        if (failure instanceof java.nio.file.NoSuchFileException) {
            return "The file does not exist.";
        }
        if (failure instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied.";
        }
        if (failure instanceof java.nio.charset.CharacterCodingException) {
            return "The file is not UTF-8 text.";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.endsWith(".") ? message : message + ".";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
