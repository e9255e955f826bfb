package org.recausal.desktop.canvas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddVariable;
import org.recausal.engine.dag.edit.CompoundEdit;
import org.recausal.engine.dag.edit.DagEdit;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.MoveVariables;
import org.recausal.engine.dag.edit.RemoveEdge;
import org.recausal.engine.dag.edit.RemoveVariable;
import org.recausal.engine.dag.edit.RenameVariable;
import org.recausal.engine.dag.edit.ReverseEdge;
import org.recausal.engine.dag.edit.UpdateVariable;
import org.recausal.engine.layout.LayeredLayout;
import org.recausal.engine.layout.LayoutOptions;
import org.recausal.engine.layout.LayoutResult;

/**
 * The interactive causal-graph editor. Every change goes through {@link EditHistory#execute}; the canvas
 * redraws from the graph's change events, so undo and redo from anywhere show up here.
 *
 * <p>Mouse (see {@link MouseGestures}): double-click on empty space adds a variable; drag a variable to
 * move it; drag from its ring (or right- or Alt-drag from it) onto another variable to connect; click
 * selects, Shift-click adds, dragging on empty space selects with a rubber band; the wheel or a pinch
 * zooms about the cursor; the middle button or Space+drag pans. Keys: Delete/Backspace, F2, R, arrows
 * (nudge), Ctrl+A, Ctrl+0, Escape.
 */
public final class DagCanvas extends Region {
    static final double GRID = 20;
    private static final double ZOOM_STEP = 1.25;
    private static final double MAX_FIT_ZOOM = 1.5;
    private static final double FIT_MARGIN = 40;
    /** Space between the legend and the canvas's corner. */
    private static final double LEGEND_INSET = 12;
    /** Above this many variables boxes lose their shadows: an effect per box costs too much when dragging. */
    private static final int LARGE_GRAPH = 150;
    private static final String STYLESHEET = "/org/recausal/desktop/ui/canvas.css";
    private static final KeyCombination SELECT_ALL = KeyCombination.keyCombination("Shortcut+A");
    private static final KeyCombination RESET_ZOOM = KeyCombination.keyCombination("Shortcut+0");
    private static final KeyCombination RESET_ZOOM_KEYPAD = KeyCombination.keyCombination("Shortcut+Numpad0");
    /** One daemon thread for layouts: they are rare, and a second request simply queues behind the first. */
    private static final Executor LAYOUT_THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "canvas-layout");
        thread.setDaemon(true);
        return thread;
    });

    private final GridBackground grid = new GridBackground();
    private final Viewport viewport = new Viewport(this, this::viewportChanged);
    private final GraphLayer graph = new GraphLayer();
    private final MouseGestures gestures;
    private final CanvasLegend legend = new CanvasLegend();
    private final NameEditor editor;

    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    /**
     * The one read-only view handed out: an unmodifiable view listens to {@link #selected} weakly, so a
     * fresh view per call would stop firing its listeners once the caller dropped it.
     */
    private final ObservableSet<String> selectedView = FXCollections.unmodifiableObservableSet(selected);
    private final ReadOnlyObjectWrapper<CausalEdge> selectedEdge = new ReadOnlyObjectWrapper<>(this, "selectedEdge");
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final Consumer<DagChange> dagListener = this::onDagChange;
    private final Runnable editFinished = () -> removedSelectedEdge = null;
    private Consumer<String> onEditRefused = message -> { };
    private EditHistory history;
    private CanvasOverlay shownOverlay = CanvasOverlay.NONE;
    private final SortedMap<Integer, CanvasOverlay> overlayLevels = new TreeMap<>();

    private boolean fitPending;
    /**
     * The view is as the last fit left it: until the analyst zooms or pans, a change of the canvas's size (a panel
     * docked under it, the window resized) or of the legend's (an overlay's entries arriving) fits the graph again,
     * so it never ends up under the legend or clipped.
     */
    private boolean fitted;
    private boolean fitting;
    private FitRoom fittedRoom;
    /** The last refusal, shown as the hint until the next press, key or accepted edit. */
    private String refusal;
    /**
     * The selected edge, when the edit under way removed it. Setting an edge's note removes the edge and
     * adds it back within one edit; it stays selected when the same edit adds it again.
     */
    private EdgeKey removedSelectedEdge;
    /** Counts graph changes, so a layout computed on an older graph is not applied. */
    private long changeCount;
    private boolean layingOut;
    private CompletableFuture<Void> layoutTask = CompletableFuture.completedFuture(null);

    public DagCanvas() {
        getStyleClass().add("dag-canvas");
        getStylesheets().add(Objects.requireNonNull(DagCanvas.class.getResource(STYLESHEET),
                "canvas.css is missing from the class path").toExternalForm());
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        gestures = new MouseGestures(this, graph, viewport);
        editor = new NameEditor(graph, viewport, this::rename, this::editorClosed);
        Group world = new Group(graph, gestures.connectLine());
        world.getTransforms().setAll(viewport.transforms());
        world.setManaged(false);
        legend.setManaged(false);
        getChildren().addAll(grid, world, gestures.band(), legend, editor);

        snapToGrid.addListener(obs -> drawGrid());
        // The legend is placed by this region (it is unmanaged): folding it must move it to its corner.
        legend.expandedProperty().addListener(obs -> requestLayout());
        selected.addListener(this::selectionChanged);
        selectedEdge.addListener((obs, before, now) -> edgeSelectionChanged(before, now));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, this::onKeyReleased);
        setHistory(new EditHistory(new Dag()));
    }

    // ================================================================ public API

    /** Shows the graph of {@code newHistory} (a new or opened project) and edits through it from now on. */
    public void setHistory(EditHistory newHistory) {
        Objects.requireNonNull(newHistory, "history");
        if (history != null) {
            history.dag().removeListener(dagListener);
            history.removeListener(editFinished);
        }
        history = newHistory;
        history.addListener(editFinished);
        gestures.structureChanged();
        editor.close();
        selected.clear();
        selectedEdge.set(null);
        refusal = null;
        graph.show(history.dag());
        history.dag().addListener(dagListener);
        sizeChanged();
        if (positionsUnknown(history.dag())) {
            autoLayout();
        }
        fitToWindow();
        updateHint();
    }

    /** The selected variables, in the order they were selected: always the same read-only set, safe to listen to. */
    public ObservableSet<String> getSelectedVariables() {
        return selectedView;
    }

    public ReadOnlyObjectProperty<CausalEdge> selectedEdgeProperty() {
        return selectedEdge.getReadOnlyProperty();
    }

    /** Called with a message for the analyst when the graph refuses an edit (a cycle, a duplicate name...). */
    public void setOnEditRefused(Consumer<String> handler) {
        onEditRefused = handler == null ? message -> { } : handler;
    }

    /** Screen pixels per canvas unit, kept between 0.1 and 4. */
    public DoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    public void zoomIn() {
        zoomProperty().set(zoomProperty().get() * ZOOM_STEP);
    }

    public void zoomOut() {
        zoomProperty().set(zoomProperty().get() / ZOOM_STEP);
    }

    public void resetZoom() {
        zoomProperty().set(1);
    }

    /** Zooms and pans so that the whole graph fits the view (never above {@value #MAX_FIT_ZOOM}x). */
    public void fitToWindow() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        Bounds bounds = graph.graphBounds();
        if (bounds == null) {
            resetZoom();
            viewport.panTo(0, 0);
            return;
        }
        // The legend sits in the bottom-left corner: fit the graph above it or to its right, whichever
        // shows it bigger, so the legend never covers a variable after a fit.
        Insets above = new Insets(FIT_MARGIN, FIT_MARGIN, Math.max(FIT_MARGIN, legendSpace(legend.prefHeight(-1))),
                FIT_MARGIN);
        Insets beside = new Insets(FIT_MARGIN, FIT_MARGIN, FIT_MARGIN,
                Math.max(FIT_MARGIN, legendSpace(legend.prefWidth(-1))));
        boolean besideIsBigger = viewport.fitZoom(bounds, beside, MAX_FIT_ZOOM)
                > viewport.fitZoom(bounds, above, MAX_FIT_ZOOM);
        fitting = true;
        try {
            viewport.fit(bounds, besideIsBigger ? beside : above, MAX_FIT_ZOOM);
        } finally {
            fitting = false;
        }
        fitted = true;
        fittedRoom = room();
    }

    /** What a fit depends on besides the graph: the canvas's size and the legend's. */
    private record FitRoom(double width, double height, double legendWidth, double legendHeight) {
    }

    private FitRoom room() {
        return new FitRoom(getWidth(), getHeight(), legend.prefWidth(-1), legend.prefHeight(-1));
    }

    /** Room a fit leaves for the legend along one side: its size, its inset from the corner and a gap. */
    private static double legendSpace(double legendSize) {
        return LEGEND_INSET + legendSize + LEGEND_INSET;
    }

    /** Whether the legend shows its rows or only its header; the main window may keep this between sessions. */
    public BooleanProperty legendExpandedProperty() {
        return legend.expandedProperty();
    }

    /** Selects {@code name} and centres the view on it, keeping the zoom; does nothing for an unknown name. */
    public void reveal(String name) {
        VariableView view = graph.view(name);
        if (view != null) {
            selectOnly(name);
            viewport.centreOn(view.centreX(), view.centreY());
        }
    }

    /** Whether moved and new variables land on the {@value #GRID}-unit grid. */
    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /** Adds a variable with a fresh name ({@code x1}, {@code x2}...) in the middle of the view and starts renaming it. */
    public String addVariableAtCentre() {
        Point2D centre = viewport.toWorld(getWidth() / 2, getHeight() / 2);
        double x = snap(centre.getX());
        double y = snap(centre.getY());
        // Step down past variables already there, so the new box is never hidden under another.
        for (int tries = 0; tries < 50 && graph.variableAt(x, y) != null; tries++) {
            y += 3 * GRID;
        }
        return addVariableAt(x, y);
    }

    /** Starts the inline rename of the one selected variable; does nothing otherwise. */
    public void renameSelected() {
        if (selected.size() == 1) {
            startRename(selected.iterator().next());
        }
    }

    /** Deletes the selected edge, or the selected variables with their edges, as one undo step. */
    public void deleteSelection() {
        CausalEdge edge = selectedEdge.get();
        if (edge != null) {
            execute(new RemoveEdge(edge.from(), edge.to()));
        } else if (!selected.isEmpty()) {
            List<DagEdit> removals = selected.stream().map(name -> (DagEdit) new RemoveVariable(name)).toList();
            execute(removals.size() == 1 ? removals.getFirst()
                    : new CompoundEdit(removals, "Delete " + removals.size() + " variables"));
        }
    }

    /** Turns the selected edge around; refused (with the cycle named) when another path would close a cycle. */
    public void reverseSelectedEdge() {
        CausalEdge edge = selectedEdge.get();
        if (edge != null && execute(new ReverseEdge(edge.from(), edge.to()))) {
            selectEdge(history.dag().edge(edge.to(), edge.from()).orElse(null));
        }
    }

    public void selectAll() {
        selectedEdge.set(null);
        selected.addAll(history.dag().names());
    }

    public void clearSelection() {
        selectedEdge.set(null);
        selected.clear();
    }

    /**
     * Lays the graph out in layers, causes above effects, as one undoable move. Long edges keep the
     * layout's bends (drawn as smooth curves) until one of their ends moves. The layout is computed on a
     * copy of the graph off the UI thread (a few hundred milliseconds for 500 variables) and applied
     * when done, unless the graph changed meanwhile.
     */
    public void autoLayout() {
        Dag dag = history.dag();
        if (dag.size() == 0) {
            return;
        }
        Dag copy = dag.copy();
        double widest = copy.names().stream().mapToDouble(VariableView::widthFor).max().orElse(VariableView.MIN_WIDTH);
        LayoutOptions defaults = LayoutOptions.DEFAULT;
        LayoutOptions options = new LayoutOptions(widest, VariableView.HEIGHT, defaults.horizontalGap(),
                defaults.layerGap(), defaults.edgeGap(), defaults.sweeps(), defaults.keyNodeCrossings());
        EditHistory laidOut = history;
        long version = changeCount;
        layingOut = true;
        updateHint();
        layoutTask = CompletableFuture.supplyAsync(() -> LayeredLayout.layout(copy, options), LAYOUT_THREAD)
                .handleAsync((layout, failure) -> {
                    layingOut = false;
                    if (failure != null) {
                        refuse("Auto-layout failed: " + failure.getCause().getMessage());
                    } else if (history == laidOut && changeCount == version) {
                        applyLayout(layout);
                    }
                    updateHint();
                    return null;
                }, Platform::runLater);
    }

    /** Writes a PNG of the whole graph (not just what is in view) and its legend, at twice the size, on white. */
    public void exportPng(Path file) throws IOException {
        prepareExport(() -> GraphImages.writePng(graph, legend, file));
    }

    /** Writes an SVG of the whole graph: boxes, names, arrows, role and overlay colours, and the legend. */
    public void exportSvg(Path file) throws IOException {
        prepareExport(() -> SvgExport.write(graph, legend, file));
    }

    /** One line for the status bar: what the mouse can do here, or what is selected. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The width of the box the canvas draws for a variable called {@code name}, in canvas units. */
    public static double boxWidth(String name) {
        return VariableView.widthFor(name);
    }

    /** Colours edges and variables for an analysis, with legend entries; {@link CanvasOverlay#NONE} clears. */
    public void setOverlay(CanvasOverlay overlay) {
        setOverlay(0, overlay);
    }

    /**
     * Sets one panel's overlay, drawn over those of lower {@code level} (several panels colour the graph at once:
     * the data check's marks stay while the query panel redraws its paths); {@link CanvasOverlay#NONE} clears it.
     */
    public void setOverlay(int level, CanvasOverlay overlay) {
        overlayLevels.put(level, overlay == null ? CanvasOverlay.NONE : overlay);
        showOverlay(CanvasOverlay.stack(overlayLevels.values()));
    }

    private void showOverlay(CanvasOverlay chosen) {
        CanvasOverlay before = shownOverlay;
        shownOverlay = chosen;
        graph.setOverlay(chosen);
        Set<String> edgeClasses = Set.copyOf(chosen.edgeStyles().values());
        // A live analysis sends a new overlay after every edit; the legend is rebuilt only when it says something new.
        if (!chosen.legend().equals(before.legend()) || !edgeClasses.equals(Set.copyOf(before.edgeStyles().values()))) {
            legend.show(chosen.legend(), edgeClasses);
            requestLayout();
        }
    }

    // ================================================================ for the gestures and menus

    /** The modifiable selection. */
    Set<String> selection() {
        return selected;
    }

    void selectOnly(String name) {
        selectedEdge.set(null);
        selected.retainAll(Set.of(name));
        selected.add(name);
    }

    void selectEdge(CausalEdge edge) {
        selected.clear();
        selectedEdge.set(edge);
    }

    /** Runs an edit through the history; a refusal goes to the analyst and changes nothing. */
    boolean execute(DagEdit edit) {
        try {
            history.execute(edit);
            refusal = null;
            updateHint();
            return true;
        } catch (DagException refused) {
            refuse(refused.getMessage());
            return false;
        }
    }

    /** Adds a fresh variable at canvas units (x, y), selects it and starts renaming it; null if refused. */
    String addVariableAt(double x, double y) {
        String name = freshName();
        if (!execute(new AddVariable(new Variable(name, Role.ORDINARY, DataType.CONTINUOUS, "",
                new CanvasPosition(x, y))))) {
            return null;
        }
        selectOnly(name);
        startRename(name);
        return name;
    }

    void startRename(String name) {
        gestures.hideTooltip();
        editor.start(name);
        updateHint();
    }

    void setRoleOfSelection(Role role) {
        List<DagEdit> edits = new ArrayList<>();
        for (String name : selected) {
            if (history.dag().require(name).role() != role) {
                edits.add(new UpdateVariable(name, v -> v.withRole(role), "Make " + name + " " + role.label()));
            }
        }
        if (!edits.isEmpty()) {
            execute(edits.size() == 1 ? edits.getFirst()
                    : new CompoundEdit(edits, "Make " + edits.size() + " variables " + role.label()));
        }
    }

    double snap(double value) {
        return snapToGrid.get() ? Math.round(value / GRID) * GRID : value;
    }

    /** True when the event happened on the legend or the inline editor rather than on the graph. */
    boolean isOnChrome(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null && node != this;
                node = node.getParent()) {
            if (node == legend || node == editor) {
                return true;
            }
        }
        return false;
    }

    void clearRefusal() {
        refusal = null;
    }

    // ================================================================ layout and drawing

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (grid.getWidth() != width || grid.getHeight() != height) {
            grid.setWidth(width);
            grid.setHeight(height);
            drawGrid();
        }
        legend.autosize();
        legend.relocate(LEGEND_INSET, height - legend.getHeight() - LEGEND_INSET);
        editor.place();
        boolean resizedSinceFit = fitted && !room().equals(fittedRoom);
        if ((fitPending || resizedSinceFit) && width > 0 && height > 0) {
            fitToWindow();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private void viewportChanged() {
        if (!fitting) {
            fitted = false;
        }
        drawGrid();
        editor.place();
    }

    private void drawGrid() {
        grid.draw(viewport, GRID, snapToGrid.get());
    }

    private void sizeChanged() {
        boolean large = history.dag().size() > LARGE_GRAPH;
        if (large != getStyleClass().contains("large")) {
            if (large) {
                getStyleClass().add("large");
            } else {
                getStyleClass().remove("large");
            }
        }
    }

    /** True when there are several variables and all sit on one spot: a file that had no coordinates. */
    private static boolean positionsUnknown(Dag dag) {
        List<Variable> variables = dag.variables();
        if (variables.size() < 2) {
            return false;
        }
        CanvasPosition first = variables.getFirst().position();
        return variables.stream().allMatch(v -> v.position().equals(first));
    }

    private void applyLayout(LayoutResult layout) {
        Dag dag = history.dag();
        graph.setRoutes(layout);
        boolean moves = layout.positions().entrySet().stream()
                .anyMatch(e -> !dag.require(e.getKey()).position().equals(e.getValue()));
        if (moves) {
            execute(new MoveVariables(layout.positions(), "Auto-layout"));
        }
        graph.refreshAllEdges();
        fitToWindow();
    }

    // ================================================================ graph changes

    private void onDagChange(DagChange change) {
        changeCount++;
        graph.apply(change, history.dag());
        switch (change) {
            case DagChange.VariableAdded added -> sizeChanged();
            case DagChange.VariableRemoved removed -> {
                String name = removed.variable().name();
                selected.remove(name);
                if (name.equals(editor.editing())) {
                    editor.close();
                }
                gestures.structureChanged();
                sizeChanged();
            }
            case DagChange.VariableRenamed renamed -> {
                editor.renamed(renamed.oldName(), renamed.newName());
                if (selected.remove(renamed.oldName())) {
                    selected.add(renamed.newName());
                }
                CausalEdge edge = selectedEdge.get();
                if (edge != null && (edge.from().equals(renamed.oldName()) || edge.to().equals(renamed.oldName()))) {
                    String from = edge.from().equals(renamed.oldName()) ? renamed.newName() : edge.from();
                    String to = edge.to().equals(renamed.oldName()) ? renamed.newName() : edge.to();
                    selectedEdge.set(history.dag().edge(from, to).orElse(null));
                }
                gestures.structureChanged();
            }
            case DagChange.EdgeRemoved removed -> {
                CausalEdge edge = selectedEdge.get();
                if (edge != null && EdgeKey.of(edge).equals(EdgeKey.of(removed.edge()))) {
                    removedSelectedEdge = EdgeKey.of(edge);
                    selectedEdge.set(null);
                }
                gestures.structureChanged();
            }
            case DagChange.EdgeAdded added -> {
                if (EdgeKey.of(added.edge()).equals(removedSelectedEdge)) {
                    selectedEdge.set(added.edge());
                }
            }
            case DagChange.VariableUpdated updated -> {
                if (updated.after().name().equals(editor.editing())) {
                    editor.place();
                }
            }
        }
        updateHint();
    }

    private boolean rename(String oldName, String newName) {
        return execute(new RenameVariable(oldName, newName));
    }

    private void editorClosed() {
        if (editor.isFocused()) {
            requestFocus();
        }
        updateHint();
    }

    private void refuse(String message) {
        refusal = message;
        hint.set(message);
        onEditRefused.accept(message);
    }

    private String freshName() {
        Dag dag = history.dag();
        int i = 1;
        while (dag.findName("x" + i).isPresent()) {
            i++;
        }
        return "x" + i;
    }

    // ================================================================ selection looks

    private void selectionChanged(SetChangeListener.Change<? extends String> change) {
        if (change.wasRemoved()) {
            setSelectedLook(change.getElementRemoved(), false);
        }
        if (change.wasAdded()) {
            setSelectedLook(change.getElementAdded(), true);
            selectedEdge.set(null);
        }
        updateHint();
    }

    private void setSelectedLook(String name, boolean on) {
        VariableView view = graph.view(name);
        if (view != null) {
            view.pseudoClassStateChanged(VariableView.SELECTED, on);
        }
    }

    private void edgeSelectionChanged(CausalEdge before, CausalEdge now) {
        setSelectedLook(before, false);
        setSelectedLook(now, true);
        updateHint();
    }

    private void setSelectedLook(CausalEdge edge, boolean on) {
        EdgeView view = edge == null ? null : graph.edgeView(EdgeKey.of(edge));
        if (view != null) {
            view.setPseudoClass(EdgeView.SELECTED, on);
        }
    }

    // ================================================================ keyboard

    private void onKeyPressed(KeyEvent event) {
        if (editor.editing() != null) {
            return;
        }
        refusal = null;
        boolean handled = true;
        if (SELECT_ALL.match(event)) {
            selectAll();
        } else if (RESET_ZOOM.match(event) || RESET_ZOOM_KEYPAD.match(event)) {
            resetZoom();
        } else if (event.isShortcutDown() || event.isAltDown()) {
            handled = false;
        } else {
            switch (event.getCode()) {
                case DELETE, BACK_SPACE -> deleteSelection();
                case F2 -> renameSelected();
                case R -> reverseSelectedEdge();
                case LEFT -> nudge(-1, 0);
                case RIGHT -> nudge(1, 0);
                case UP -> nudge(0, -1);
                case DOWN -> nudge(0, 1);
                case ESCAPE -> {
                    if (gestures.active()) {
                        gestures.cancel();
                    } else {
                        clearSelection();
                    }
                }
                case SPACE -> gestures.setSpaceDown(true);
                default -> handled = false;
            }
        }
        if (handled) {
            event.consume();
            updateHint();
        }
    }

    private void onKeyReleased(KeyEvent event) {
        if (event.getCode() == KeyCode.SPACE) {
            gestures.setSpaceDown(false);
            updateHint();
            event.consume();
        }
    }

    /** Moves the selection one grid step (one unit without snapping) as one undo step. */
    private void nudge(int dx, int dy) {
        if (selected.isEmpty() || gestures.active()) {
            return;
        }
        double step = snapToGrid.get() ? GRID : 1;
        Map<String, CanvasPosition> targets = new LinkedHashMap<>();
        for (String name : selected) {
            targets.put(name, history.dag().require(name).position().translate(dx * step, dy * step));
        }
        execute(new MoveVariables(targets, targets.size() == 1 ? "Move " + selected.iterator().next()
                : "Move " + targets.size() + " variables"));
    }

    // ================================================================ hint

    void updateHint() {
        String text = currentHint();
        // Strings built afresh on every drag step: set only real changes, so the status bar does not relayout.
        if (!text.equals(hint.get())) {
            hint.set(text);
        }
    }

    private String currentHint() {
        if (refusal != null) {
            return refusal;
        }
        if (editor.editing() != null) {
            return "Type a name · Enter renames · Esc cancels";
        }
        if (layingOut) {
            int count = history.dag().size();
            return "Laying out " + count + (count == 1 ? " variable…" : " variables…");
        }
        String gestureHint = gestures.hint();
        if (gestureHint != null) {
            return gestureHint;
        }
        CausalEdge edge = selectedEdge.get();
        if (edge != null) {
            return edge + " selected · R reverses · Delete removes";
        }
        if (selected.size() == 1) {
            return selected.iterator().next() + " selected · F2 renames · arrows nudge · Delete removes";
        }
        if (selected.size() > 1) {
            return selected.size() + " selected · drag to move them · Delete removes";
        }
        if (history.dag().size() == 0) {
            return "Double-click to add a variable";
        }
        return "Double-click to add a variable · drag from the ring to connect · wheel zooms · Space+drag pans";
    }

    // ================================================================ export

    @FunctionalInterface
    private interface ExportAction {
        void run() throws IOException;
    }

    /**
     * Runs an export with selection, hover and connector rings taken off, so the file shows the plain graph,
     * and the legend unfolded.
     */
    private void prepareExport(ExportAction action) throws IOException {
        Set<String> wasSelected = Set.copyOf(selected);
        CausalEdge wasSelectedEdge = selectedEdge.get();
        boolean legendWasExpanded = legend.expandedProperty().get();
        legend.expandedProperty().set(true);
        gestures.clearHover();
        wasSelected.forEach(name -> setSelectedLook(name, false));
        setSelectedLook(wasSelectedEdge, false);
        getStyleClass().add("exporting");
        try {
            applyCss();
            layout();
            action.run();
        } finally {
            getStyleClass().remove("exporting");
            legend.expandedProperty().set(legendWasExpanded);
            wasSelected.forEach(name -> setSelectedLook(name, true));
            setSelectedLook(wasSelectedEdge, true);
        }
    }

    // ================================================================ for tests and the performance harness

    Point2D toWorld(double x, double y) {
        return viewport.toWorld(x, y);
    }

    Point2D toCanvas(double x, double y) {
        return viewport.toCanvas(x, y);
    }

    GraphLayer graphLayer() {
        return graph;
    }

    CanvasLegend legend() {
        return legend;
    }

    EditHistory history() {
        return history;
    }

    /** The variable being renamed inline, or null. */
    String editingVariable() {
        return editor.editing();
    }

    String tooltipText() {
        return gestures.tooltipText();
    }

    /** The last auto-layout: complete once its result is applied (or dropped because the graph changed). */
    CompletableFuture<Void> layoutTask() {
        return layoutTask;
    }
}
