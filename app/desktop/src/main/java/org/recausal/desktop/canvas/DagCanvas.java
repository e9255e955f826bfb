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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
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
 * <p>Mouse: double-click on empty space adds a variable; drag a variable to move it; drag from its ring
 * (or right- or Alt-drag from it) onto another variable to connect; click selects, Shift-click adds,
 * dragging on empty space selects with a rubber band; the wheel or a pinch zooms about the cursor; the
 * middle button or Space+drag pans. Keys: Delete/Backspace, F2, R, Ctrl+A, Ctrl+0, Escape.
 */
public final class DagCanvas extends Region {
    static final double GRID = 20;
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;
    private static final double ZOOM_STEP = 1.25;
    private static final double MAX_FIT_ZOOM = 1.5;
    private static final double FIT_MARGIN = 40;
    /** Screen pixels the mouse must travel before a press becomes a drag. */
    private static final double DRAG_THRESHOLD = 3;
    /** Screen pixels within which a click picks an edge. */
    private static final double EDGE_TOLERANCE = 6;
    /** Above this many variables boxes lose their shadows: an effect per box costs too much when dragging. */
    private static final int LARGE_GRAPH = 150;
    private static final String STYLESHEET = "/org/recausal/desktop/ui/canvas.css";
    /** One daemon thread for layouts: they are rare, and a second request simply queues behind the first. */
    private static final Executor LAYOUT_THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "canvas-layout");
        thread.setDaemon(true);
        return thread;
    });

    private enum Gesture { NONE, MOVE, CONNECT, BAND, PAN }

    private final Canvas grid = new Canvas();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final GraphLayer graph = new GraphLayer();
    private final Line connectLine = new Line();
    private final Group world = new Group(graph, connectLine);
    private final Rectangle band = new Rectangle();
    private final CanvasLegend legend = new CanvasLegend();
    private final TextField editor = new TextField();
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition tooltipDelay = new PauseTransition(Duration.millis(600));

    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyObjectWrapper<CausalEdge> selectedEdge = new ReadOnlyObjectWrapper<>(this, "selectedEdge");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final Consumer<DagChange> dagListener = this::onDagChange;
    private Consumer<String> onEditRefused = message -> { };
    private EditHistory history;

    /** Canvas point that a zoom change keeps fixed; null means the middle of the view. */
    private Point2D zoomPivot;
    private boolean fitPending;
    /** Counts graph changes, so a layout computed on an older graph is not applied. */
    private long changeCount;
    private boolean layingOut;
    private CompletableFuture<Void> layoutTask = CompletableFuture.completedFuture(null);

    // Gesture state: what the current press-drag-release does.
    private Gesture gesture = Gesture.NONE;
    private MouseButton gestureButton;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean spaceDown;
    private double panStartX;
    private double panStartY;
    private String anchor;
    private final Map<String, Point2D> moveStart = new LinkedHashMap<>();
    /** A click without drag on an already selected variable narrows (or, with Shift, removes) it. */
    private Runnable onStillClick;
    private VariableView connectSource;
    private VariableView connectTarget;
    private Set<String> bandBase = Set.of();

    // Hover state, for the hint, the edge highlight and the tooltip.
    private VariableView hoveredVariable;
    private boolean hoveredConnector;
    private EdgeView hoveredEdge;
    private double hoverScreenX;
    private double hoverScreenY;

    /** The variable being renamed in the inline editor, or null. */
    private String editing;
    /** The last refusal, shown as the hint until the next press or key. */
    private String refusal;

    public DagCanvas() {
        getStyleClass().add("dag-canvas");
        getStylesheets().add(Objects.requireNonNull(DagCanvas.class.getResource(STYLESHEET),
                "canvas.css is missing from the class path").toExternalForm());
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        world.getTransforms().setAll(pan, scale);
        world.setManaged(false);
        grid.setManaged(false);
        grid.setMouseTransparent(true);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setMouseTransparent(true);
        connectLine.setVisible(false);
        band.getStyleClass().add("rubber-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        band.setVisible(false);
        legend.setManaged(false);
        editor.getStyleClass().add("name-editor");
        editor.setId("name-editor");
        editor.setManaged(false);
        editor.setVisible(false);
        getChildren().addAll(grid, world, band, legend, editor);
        tooltip.getStyleClass().add("canvas-tooltip");
        tooltipDelay.setOnFinished(e -> showTooltip());

        zoom.addListener((obs, before, now) -> applyZoom(now.doubleValue()));
        pan.xProperty().addListener(obs -> viewportChanged());
        pan.yProperty().addListener(obs -> viewportChanged());
        snapToGrid.addListener(obs -> drawGrid());
        selected.addListener(this::selectionChanged);
        selectedEdge.addListener((obs, before, now) -> edgeSelectionChanged(before, now));

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == this) {
                hover(null, false, null);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, this::onZoom);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, this::onKeyReleased);
        editor.setOnAction(e -> commitRename(false));
        editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
                e.consume();
            }
        });
        editor.focusedProperty().addListener((obs, was, now) -> {
            if (!now && editing != null) {
                commitRename(true);
            }
        });
        setHistory(new EditHistory(new Dag()));
    }

    // ================================================================ public API

    /** Shows the graph of {@code newHistory} (a new or opened project) and edits through it from now on. */
    public void setHistory(EditHistory newHistory) {
        Objects.requireNonNull(newHistory, "history");
        cancelGesture();
        closeEditor();
        if (history != null) {
            history.dag().removeListener(dagListener);
        }
        history = newHistory;
        selected.clear();
        selectedEdge.set(null);
        hover(null, false, null);
        graph.show(history.dag());
        history.dag().addListener(dagListener);
        sizeChanged();
        if (positionsUnknown(history.dag())) {
            autoLayout();
        }
        fitToWindow();
        updateHint();
    }

    /** The selected variables, in the order they were selected. */
    public ObservableSet<String> getSelectedVariables() {
        return FXCollections.unmodifiableObservableSet(selected);
    }

    public ReadOnlyObjectProperty<CausalEdge> selectedEdgeProperty() {
        return selectedEdge.getReadOnlyProperty();
    }

    /** Called with a message for the analyst when the graph refuses an edit (a cycle, a duplicate name...). */
    public void setOnEditRefused(Consumer<String> handler) {
        onEditRefused = handler == null ? message -> { } : handler;
    }

    /** Screen pixels per canvas unit, between {@value #MIN_ZOOM} and {@value #MAX_ZOOM}. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void zoomIn() {
        zoom.set(zoom.get() * ZOOM_STEP);
    }

    public void zoomOut() {
        zoom.set(zoom.get() / ZOOM_STEP);
    }

    public void resetZoom() {
        zoom.set(1);
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
            zoom.set(1);
            pan.setX(0);
            pan.setY(0);
            return;
        }
        double available = Math.max(1, getWidth() - 2 * FIT_MARGIN);
        double availableHeight = Math.max(1, getHeight() - 2 * FIT_MARGIN);
        double fit = Math.min(available / Math.max(bounds.getWidth(), 1), availableHeight / Math.max(bounds.getHeight(), 1));
        zoom.set(clamp(Math.min(fit, MAX_FIT_ZOOM)));
        double z = scale.getX();
        pan.setX(getWidth() / 2 - (bounds.getMinX() + bounds.getWidth() / 2) * z);
        pan.setY(getHeight() / 2 - (bounds.getMinY() + bounds.getHeight() / 2) * z);
    }

    /** Selects {@code name} and centres the view on it, keeping the zoom; does nothing for an unknown name. */
    public void reveal(String name) {
        VariableView view = graph.view(name);
        if (view == null) {
            return;
        }
        selectOnly(name);
        pan.setX(getWidth() / 2 - view.centreX() * scale.getX());
        pan.setY(getHeight() / 2 - view.centreY() * scale.getY());
    }

    /** Whether moved and new variables land on the {@value #GRID}-unit grid. */
    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /** Adds a variable with a fresh name ({@code x1}, {@code x2}...) in the middle of the view and starts renaming it. */
    public String addVariableAtCentre() {
        Point2D centre = toWorld(getWidth() / 2, getHeight() / 2);
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
            return;
        }
        if (selected.isEmpty()) {
            return;
        }
        List<DagEdit> removals = selected.stream().map(name -> (DagEdit) new RemoveVariable(name)).toList();
        execute(removals.size() == 1 ? removals.getFirst()
                : new CompoundEdit(removals, "Delete " + removals.size() + " variables"));
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

    /** The last auto-layout: complete once its result is applied (or dropped because the graph changed). */
    CompletableFuture<Void> layoutTask() {
        return layoutTask;
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

    /** Colours edges and variables for an analysis, with legend entries; {@link CanvasOverlay#NONE} clears. */
    public void setOverlay(CanvasOverlay overlay) {
        CanvasOverlay chosen = overlay == null ? CanvasOverlay.NONE : overlay;
        graph.setOverlay(chosen);
        legend.show(chosen.legend(), Set.copyOf(chosen.edgeStyles().values()));
        requestLayout();
    }

    // ================================================================ coordinates and zoom

    /** Canvas units under the canvas-local point (x, y). */
    Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / scale.getX(), (y - pan.getY()) / scale.getY());
    }

    /** The canvas-local point showing canvas units (x, y). */
    Point2D toCanvas(double x, double y) {
        return new Point2D(pan.getX() + x * scale.getX(), pan.getY() + y * scale.getY());
    }

    /** Zooms to {@code newZoom} keeping the canvas-local point (x, y) fixed on screen. */
    void zoomAbout(double x, double y, double newZoom) {
        zoomPivot = new Point2D(x, y);
        zoom.set(newZoom);
        zoomPivot = null;
    }

    private void applyZoom(double requested) {
        double z = clamp(requested);
        if (z != requested) {
            zoom.set(z);
            return;
        }
        Point2D pivot = zoomPivot != null ? zoomPivot : new Point2D(getWidth() / 2, getHeight() / 2);
        Point2D fixed = toWorld(pivot.getX(), pivot.getY());
        scale.setX(z);
        scale.setY(z);
        pan.setX(pivot.getX() - fixed.getX() * z);
        pan.setY(pivot.getY() - fixed.getY() * z);
        viewportChanged();
    }

    private static double clamp(double z) {
        return Double.isFinite(z) ? Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)) : 1;
    }

    private double snap(double value) {
        return snapToGrid.get() ? Math.round(value / GRID) * GRID : value;
    }

    private void viewportChanged() {
        drawGrid();
        placeEditor();
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
        legend.relocate(12, height - legend.getHeight() - 12);
        placeEditor();
        if (fitPending && width > 0 && height > 0) {
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

    /** Dots on the grid while snapping is on, thinned out when zoomed far out. */
    private void drawGrid() {
        GraphicsContext g = grid.getGraphicsContext2D();
        g.clearRect(0, 0, grid.getWidth(), grid.getHeight());
        if (!snapToGrid.get()) {
            return;
        }
        double spacing = GRID * scale.getX();
        while (spacing < 12) {
            spacing *= 5;
        }
        g.setFill(Color.web("#CDD3DA"));
        double startX = pan.getX() % spacing;
        double startY = pan.getY() % spacing;
        startX = startX < 0 ? startX + spacing : startX;
        startY = startY < 0 ? startY + spacing : startY;
        for (double x = startX; x < grid.getWidth(); x += spacing) {
            for (double y = startY; y < grid.getHeight(); y += spacing) {
                g.fillRect(x - 0.75, y - 0.75, 1.5, 1.5);
            }
        }
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

    // ================================================================ graph changes

    private void onDagChange(DagChange change) {
        changeCount++;
        graph.apply(change, history.dag());
        switch (change) {
            case DagChange.VariableAdded added -> sizeChanged();
            case DagChange.VariableRemoved removed -> {
                String name = removed.variable().name();
                selected.remove(name);
                if (name.equals(editing)) {
                    closeEditor();
                }
                if (hoveredVariable != null && hoveredVariable.name().equals(name)) {
                    hover(null, false, null);
                }
                sizeChanged();
            }
            case DagChange.VariableRenamed renamed -> {
                if (renamed.oldName().equals(editing)) {
                    editing = renamed.newName();
                }
                if (selected.remove(renamed.oldName())) {
                    selected.add(renamed.newName());
                }
                CausalEdge edge = selectedEdge.get();
                if (edge != null && (edge.from().equals(renamed.oldName()) || edge.to().equals(renamed.oldName()))) {
                    String from = edge.from().equals(renamed.oldName()) ? renamed.newName() : edge.from();
                    String to = edge.to().equals(renamed.oldName()) ? renamed.newName() : edge.to();
                    selectedEdge.set(history.dag().edge(from, to).orElse(null));
                }
                hover(null, false, null);
            }
            case DagChange.EdgeRemoved removed -> {
                CausalEdge edge = selectedEdge.get();
                if (edge != null && EdgeKey.of(edge).equals(EdgeKey.of(removed.edge()))) {
                    selectedEdge.set(null);
                }
                if (hoveredEdge != null && hoveredEdge.edge() == removed.edge()) {
                    hover(null, false, null);
                }
            }
            case DagChange.VariableUpdated updated -> {
                if (updated.after().name().equals(editing)) {
                    placeEditor();
                }
            }
            case DagChange.EdgeAdded added -> {
            }
        }
        updateHint();
    }

    /** Runs an edit through the history; a refusal goes to the analyst and changes nothing. */
    private boolean execute(DagEdit edit) {
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

    private void refuse(String message) {
        refusal = message;
        hint.set(message);
        onEditRefused.accept(message);
    }

    private String addVariableAt(double x, double y) {
        String name = freshName();
        if (!execute(new AddVariable(new Variable(name, Role.ORDINARY, DataType.CONTINUOUS, "",
                new CanvasPosition(x, y))))) {
            return null;
        }
        selectOnly(name);
        startRename(name);
        return name;
    }

    private String freshName() {
        Dag dag = history.dag();
        int i = 1;
        while (dag.findName("x" + i).isPresent()) {
            i++;
        }
        return "x" + i;
    }

    // ================================================================ selection

    private void selectOnly(String name) {
        selectedEdge.set(null);
        selected.retainAll(Set.of(name));
        selected.add(name);
    }

    private void selectEdge(CausalEdge edge) {
        selected.clear();
        selectedEdge.set(edge);
    }

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
        if (before != null) {
            EdgeView view = graph.edgeView(EdgeKey.of(before));
            if (view != null) {
                view.setPseudoClass(EdgeView.SELECTED, false);
            }
        }
        if (now != null) {
            EdgeView view = graph.edgeView(EdgeKey.of(now));
            if (view != null) {
                view.setPseudoClass(EdgeView.SELECTED, true);
            }
        }
        updateHint();
    }

    // ================================================================ mouse

    private boolean inChrome(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null && node != this; node = node.getParent()) {
            if (node == legend || node == editor) {
                return true;
            }
        }
        return false;
    }

    /** The variable whose connector ring is at canvas units (x, y), or null. */
    private VariableView connectorAt(double x, double y) {
        return graph.connectorAt(x, y, VariableView.CONNECTOR_RADIUS + 1);
    }

    private void onPressed(MouseEvent event) {
        if (inChrome(event)) {
            return;
        }
        requestFocus();
        hideTooltip();
        cancelGesture();
        refusal = null;
        pressX = event.getX();
        pressY = event.getY();
        dragged = false;
        gestureButton = event.getButton();
        onStillClick = null;
        Point2D at = toWorld(event.getX(), event.getY());
        updateHover(at);
        MouseButton button = event.getButton();
        if (button == MouseButton.MIDDLE || button == MouseButton.PRIMARY && spaceDown) {
            gesture = Gesture.PAN;
            panStartX = pan.getX();
            panStartY = pan.getY();
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        VariableView ring = connectorAt(at.getX(), at.getY());
        VariableView view = ring != null ? ring : graph.variableAt(at.getX(), at.getY());
        if (view != null && (button == MouseButton.SECONDARY
                || button == MouseButton.PRIMARY && (ring != null || event.isAltDown()))) {
            gesture = Gesture.CONNECT;
            connectSource = view;
        } else if (view != null && button == MouseButton.PRIMARY) {
            pressOnVariable(view.name(), event.isShiftDown());
        } else if (button == MouseButton.PRIMARY) {
            EdgeView edge = graph.edgeAt(at.getX(), at.getY(), EDGE_TOLERANCE / scale.getX());
            if (edge != null) {
                selectEdge(edge.edge());
            } else {
                gesture = Gesture.BAND;
                bandBase = event.isShiftDown() ? Set.copyOf(selected) : Set.of();
                if (!event.isShiftDown()) {
                    clearSelection();
                }
            }
        }
        updateHint();
    }

    private void pressOnVariable(String name, boolean shift) {
        if (shift && selected.contains(name)) {
            onStillClick = () -> selected.remove(name);
        } else if (shift) {
            selected.add(name);
        } else if (selected.contains(name)) {
            onStillClick = () -> selectOnly(name);
        } else {
            selectOnly(name);
        }
        gesture = Gesture.MOVE;
        anchor = name;
        moveStart.clear();
        for (String moving : selected) {
            VariableView view = graph.view(moving);
            moveStart.put(moving, new Point2D(view.centreX(), view.centreY()));
        }
    }

    private void onDragged(MouseEvent event) {
        if (gesture == Gesture.NONE) {
            return;
        }
        if (!dragged && Math.hypot(event.getX() - pressX, event.getY() - pressY) < DRAG_THRESHOLD) {
            return;
        }
        dragged = true;
        Point2D at = toWorld(event.getX(), event.getY());
        switch (gesture) {
            case PAN -> {
                pan.setX(panStartX + event.getX() - pressX);
                pan.setY(panStartY + event.getY() - pressY);
            }
            case MOVE -> graph.preview(moveTargets(event.getX(), event.getY()));
            case CONNECT -> dragConnection(at);
            case BAND -> dragBand(event.getX(), event.getY());
            case NONE -> { }
        }
        updateHint();
    }

    /** Where the moved variables go when the mouse is at (x, y): the anchor snaps, the others keep their offsets. */
    private Map<String, Point2D> moveTargets(double x, double y) {
        Point2D anchorStart = moveStart.get(anchor);
        double dx = snap(anchorStart.getX() + (x - pressX) / scale.getX()) - anchorStart.getX();
        double dy = snap(anchorStart.getY() + (y - pressY) / scale.getY()) - anchorStart.getY();
        Map<String, Point2D> targets = new LinkedHashMap<>();
        moveStart.forEach((name, start) -> targets.put(name, start.add(dx, dy)));
        return targets;
    }

    private void dragConnection(Point2D at) {
        VariableView target = graph.variableAt(at.getX(), at.getY());
        if (target == connectSource) {
            target = null;
        }
        if (target != connectTarget) {
            if (connectTarget != null) {
                connectTarget.pseudoClassStateChanged(VariableView.CONNECT_TARGET, false);
            }
            connectTarget = target;
            if (target != null) {
                target.pseudoClassStateChanged(VariableView.CONNECT_TARGET, true);
            }
        }
        Point2D start = EdgeGeometry.borderPoint(connectSource.box(), at.getX(), at.getY(), 0);
        connectLine.setStartX(start.getX());
        connectLine.setStartY(start.getY());
        connectLine.setEndX(at.getX());
        connectLine.setEndY(at.getY());
        connectLine.setVisible(true);
    }

    private void dragBand(double x, double y) {
        double minX = Math.min(x, pressX);
        double minY = Math.min(y, pressY);
        band.setX(minX);
        band.setY(minY);
        band.setWidth(Math.abs(x - pressX));
        band.setHeight(Math.abs(y - pressY));
        band.setVisible(true);
        Point2D from = toWorld(minX, minY);
        Point2D to = toWorld(minX + band.getWidth(), minY + band.getHeight());
        Set<String> chosen = new LinkedHashSet<>(bandBase);
        chosen.addAll(graph.variablesIn(from.getX(), from.getY(), to.getX(), to.getY()));
        selected.retainAll(chosen);
        selected.addAll(chosen);
    }

    private void onReleased(MouseEvent event) {
        if (event.getButton() != gestureButton) {
            return;
        }
        Gesture finished = gesture;
        gesture = Gesture.NONE;
        switch (finished) {
            case MOVE -> {
                if (dragged) {
                    finishMove(event.getX(), event.getY());
                } else if (onStillClick != null) {
                    onStillClick.run();
                }
            }
            case CONNECT -> finishConnect(event);
            case BAND -> band.setVisible(false);
            case PAN -> setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            case NONE -> {
                if (event.getButton() == MouseButton.SECONDARY && event.isStillSincePress()) {
                    showContextMenu(event);
                }
            }
        }
        onStillClick = null;
        updateHover(toWorld(event.getX(), event.getY()));
        updateHint();
    }

    private void finishMove(double x, double y) {
        Map<String, Point2D> targets = moveTargets(x, y);
        Map<String, CanvasPosition> positions = new LinkedHashMap<>();
        targets.forEach((name, p) -> positions.put(name, new CanvasPosition(p.getX(), p.getY())));
        boolean moved = !targets.get(anchor).equals(moveStart.get(anchor));
        if (!moved || !execute(new MoveVariables(positions,
                positions.size() == 1 ? "Move " + anchor : "Move " + positions.size() + " variables"))) {
            graph.preview(moveStart);
        }
    }

    private void finishConnect(MouseEvent event) {
        VariableView source = connectSource;
        VariableView target = connectTarget;
        clearConnect();
        if (target != null) {
            execute(new AddEdge(source.name(), target.name()));
        } else if (!dragged && event.getButton() == MouseButton.SECONDARY) {
            showContextMenu(event);
        }
    }

    private void clearConnect() {
        if (connectTarget != null) {
            connectTarget.pseudoClassStateChanged(VariableView.CONNECT_TARGET, false);
        }
        connectSource = null;
        connectTarget = null;
        connectLine.setVisible(false);
    }

    /** Abandons a half-done gesture: moved boxes go back, the rubber line and band disappear. */
    private void cancelGesture() {
        if (gesture == Gesture.MOVE && dragged) {
            graph.preview(moveStart);
        }
        clearConnect();
        band.setVisible(false);
        gesture = Gesture.NONE;
        setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    private void onClicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || event.getClickCount() != 2 || !event.isStillSincePress()
                || inChrome(event)) {
            return;
        }
        Point2D at = toWorld(event.getX(), event.getY());
        VariableView view = graph.variableAt(at.getX(), at.getY());
        if (view != null) {
            selectOnly(view.name());
            startRename(view.name());
        } else if (graph.edgeAt(at.getX(), at.getY(), EDGE_TOLERANCE / scale.getX()) == null) {
            addVariableAt(snap(at.getX()), snap(at.getY()));
        }
    }

    private void onMoved(MouseEvent event) {
        hoverScreenX = event.getScreenX();
        hoverScreenY = event.getScreenY();
        if (inChrome(event)) {
            hover(null, false, null);
            return;
        }
        updateHover(toWorld(event.getX(), event.getY()));
    }

    private void updateHover(Point2D at) {
        VariableView ringOwner = connectorAt(at.getX(), at.getY());
        VariableView view = ringOwner != null ? ringOwner : graph.variableAt(at.getX(), at.getY());
        EdgeView edge = view == null ? graph.edgeAt(at.getX(), at.getY(), EDGE_TOLERANCE / scale.getX()) : null;
        hover(view, ringOwner != null, edge);
    }

    private void hover(VariableView view, boolean onConnector, EdgeView edge) {
        boolean changed = view != hoveredVariable || edge != hoveredEdge;
        if (edge != hoveredEdge) {
            if (hoveredEdge != null) {
                hoveredEdge.setPseudoClass(EdgeView.HIGHLIGHTED, false);
            }
            if (edge != null) {
                edge.setPseudoClass(EdgeView.HIGHLIGHTED, true);
            }
        }
        hoveredVariable = view;
        hoveredConnector = onConnector;
        hoveredEdge = edge;
        if (gesture == Gesture.NONE) {
            setCursor(spaceDown ? Cursor.OPEN_HAND : onConnector ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        }
        if (changed) {
            hideTooltip();
            if (gesture == Gesture.NONE && (view != null || edge != null && !edge.edge().note().isEmpty())) {
                tooltipDelay.playFromStart();
            }
        }
        updateHint();
    }

    private void showTooltip() {
        String text = null;
        if (hoveredVariable != null) {
            Variable variable = hoveredVariable.variable();
            text = variable.name() + " · " + variable.role().label() + " · " + variable.type().label()
                    + (variable.description().isEmpty() ? "" : "\n" + variable.description());
        } else if (hoveredEdge != null && !hoveredEdge.edge().note().isEmpty()) {
            text = hoveredEdge.edge() + "\n" + hoveredEdge.edge().note();
        }
        if (text != null && getScene() != null && getScene().getWindow() != null && gesture == Gesture.NONE) {
            tooltip.setText(text);
            tooltip.show(this, hoverScreenX + 12, hoverScreenY + 16);
        }
    }

    private void hideTooltip() {
        tooltipDelay.stop();
        tooltip.hide();
    }

    /** The text the tooltip shows for what is under the mouse now; null when it shows nothing. */
    String tooltipText() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() == 0 || gesture != Gesture.NONE) {
            return;
        }
        hideTooltip();
        zoomAbout(event.getX(), event.getY(), scale.getX() * Math.pow(1.0015, event.getDeltaY()));
        event.consume();
    }

    private void onZoom(ZoomEvent event) {
        zoomAbout(event.getX(), event.getY(), scale.getX() * event.getZoomFactor());
        event.consume();
    }

    // ================================================================ context menu

    private void showContextMenu(MouseEvent event) {
        Point2D at = toWorld(event.getX(), event.getY());
        VariableView view = graph.variableAt(at.getX(), at.getY());
        EdgeView edge = view == null ? graph.edgeAt(at.getX(), at.getY(), EDGE_TOLERANCE / scale.getX()) : null;
        ContextMenu menu = new ContextMenu();
        if (view != null) {
            if (!selected.contains(view.name())) {
                selectOnly(view.name());
            }
            menu.getItems().addAll(item("Rename", this::renameSelected), roleMenu(view.variable()),
                    new SeparatorMenuItem(), item("Delete", this::deleteSelection));
        } else if (edge != null) {
            selectEdge(edge.edge());
            menu.getItems().addAll(item("Reverse", this::reverseSelectedEdge), item("Delete", this::deleteSelection));
        } else {
            menu.getItems().addAll(item("Add variable here", () -> addVariableAt(snap(at.getX()), snap(at.getY()))),
                    item("Auto-layout", this::autoLayout), item("Fit to window", this::fitToWindow));
        }
        menu.show(this, event.getScreenX(), event.getScreenY());
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Menu roleMenu(Variable variable) {
        Menu menu = new Menu("Role");
        ToggleGroup group = new ToggleGroup();
        for (Role role : Role.values()) {
            RadioMenuItem item = new RadioMenuItem(role.label());
            item.setToggleGroup(group);
            item.setSelected(role == variable.role());
            item.setOnAction(e -> setRoleOfSelection(role));
            menu.getItems().add(item);
        }
        return menu;
    }

    private void setRoleOfSelection(Role role) {
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

    // ================================================================ keyboard

    private static final KeyCombination SELECT_ALL = KeyCombination.keyCombination("Shortcut+A");
    private static final KeyCombination RESET_ZOOM = KeyCombination.keyCombination("Shortcut+0");
    private static final KeyCombination RESET_ZOOM_KEYPAD = KeyCombination.keyCombination("Shortcut+Numpad0");

    private void onKeyPressed(KeyEvent event) {
        if (editing != null) {
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
                case ESCAPE -> {
                    if (gesture != Gesture.NONE) {
                        cancelGesture();
                    } else {
                        clearSelection();
                    }
                }
                case SPACE -> {
                    spaceDown = true;
                    if (gesture == Gesture.NONE) {
                        setCursor(Cursor.OPEN_HAND);
                    }
                    updateHint();
                }
                default -> handled = false;
            }
        }
        if (handled) {
            event.consume();
        }
    }

    private void onKeyReleased(KeyEvent event) {
        if (event.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            if (gesture == Gesture.NONE) {
                setCursor(Cursor.DEFAULT);
            }
            updateHint();
            event.consume();
        }
    }

    // ================================================================ inline rename

    private void startRename(String name) {
        VariableView view = graph.view(name);
        if (view == null) {
            return;
        }
        closeEditor();
        editing = name;
        hideTooltip();
        view.pseudoClassStateChanged(VariableView.EDITING, true);
        editor.setText(name);
        editor.setVisible(true);
        placeEditor();
        editor.requestFocus();
        editor.selectAll();
        updateHint();
    }

    private void placeEditor() {
        if (editing == null) {
            return;
        }
        VariableView view = graph.view(editing);
        if (view == null) {
            return;
        }
        Point2D centre = toCanvas(view.centreX(), view.centreY());
        double width = Math.max(view.boxWidth() * scale.getX() + 24, 140);
        double height = Math.max(VariableView.HEIGHT * scale.getX(), 28);
        editor.resizeRelocate(centre.getX() - width / 2, centre.getY() - height / 2, width, height);
    }

    /**
     * Renames to the editor's text. A refused name is reported; while typing the editor stays open to
     * fix it, and when focus leaves it simply closes, leaving the old name.
     */
    private void commitRename(boolean leaving) {
        String oldName = editing;
        if (oldName == null) {
            return;
        }
        String newName = editor.getText().strip();
        if (newName.equals(oldName)) {
            closeEditor();
            return;
        }
        if (execute(new RenameVariable(oldName, newName))) {
            closeEditor();
        } else if (leaving) {
            closeEditor();
        } else {
            editor.selectAll();
        }
    }

    private void closeEditor() {
        String name = editing;
        if (name == null) {
            return;
        }
        editing = null;
        VariableView view = graph.view(name);
        if (view != null) {
            view.pseudoClassStateChanged(VariableView.EDITING, false);
        }
        boolean hadFocus = editor.isFocused();
        editor.setVisible(false);
        if (hadFocus) {
            requestFocus();
        }
        updateHint();
    }

    /** The variable being renamed inline, or null. */
    String editingVariable() {
        return editing;
    }

    // ================================================================ hint

    private void updateHint() {
        hint.set(currentHint());
    }

    private String currentHint() {
        if (refusal != null) {
            return refusal;
        }
        if (editing != null) {
            return "Type a name · Enter renames · Esc cancels";
        }
        if (layingOut) {
            return "Laying out " + plural(history.dag().size(), "variable") + "…";
        }
        switch (gesture) {
            case CONNECT -> {
                return connectTarget == null
                        ? "Release on a variable to draw " + connectSource.name() + " -> …"
                        : "Release to add " + connectSource.name() + " -> " + connectTarget.name();
            }
            case MOVE -> {
                if (dragged) {
                    return "Moving " + plural(moveStart.size(), "variable") + (snapToGrid.get() ? " · snapping to the grid" : "");
                }
            }
            case BAND -> {
                return selected.size() + " selected";
            }
            case PAN -> {
                return "Panning";
            }
            case NONE -> { }
        }
        if (spaceDown) {
            return "Drag to pan";
        }
        CausalEdge edge = selectedEdge.get();
        if (edge != null) {
            return edge + " selected · R reverses · Delete removes";
        }
        if (hoveredConnector) {
            return "Drag from the ring to connect";
        }
        if (hoveredVariable != null && selected.size() <= 1) {
            return "Drag to move · drag from the ring or right-drag to connect · double-click to rename";
        }
        if (hoveredEdge != null) {
            return "Click to select " + hoveredEdge.edge();
        }
        if (selected.size() == 1) {
            return selected.iterator().next() + " selected · F2 renames · Delete removes";
        }
        if (selected.size() > 1) {
            return selected.size() + " selected · drag to move them · Delete removes";
        }
        if (history.dag().size() == 0) {
            return "Double-click to add a variable";
        }
        return "Double-click to add a variable · drag from the ring to connect · wheel zooms · Space+drag pans";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    // ================================================================ export

    /** What an export writes, run with selection and hover looks taken off so the file shows the plain graph. */
    @FunctionalInterface
    private interface ExportAction {
        void run() throws IOException;
    }

    private void prepareExport(ExportAction action) throws IOException {
        Set<String> wasSelected = Set.copyOf(selected);
        CausalEdge wasSelectedEdge = selectedEdge.get();
        hover(null, false, null);
        wasSelected.forEach(name -> setSelectedLook(name, false));
        if (wasSelectedEdge != null) {
            edgeSelectionChanged(wasSelectedEdge, null);
        }
        try {
            applyCss();
            layout();
            action.run();
        } finally {
            wasSelected.forEach(name -> setSelectedLook(name, true));
            if (wasSelectedEdge != null) {
                edgeSelectionChanged(null, wasSelectedEdge);
            }
        }
    }

    // Package-private views for tests and the performance harness.

    GraphLayer graphLayer() {
        return graph;
    }

    CanvasLegend legend() {
        return legend;
    }

    EditHistory history() {
        return history;
    }
}
