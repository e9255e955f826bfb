package org.recausal.desktop.canvas;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.MoveVariables;

/**
 * What the mouse does on the canvas. A press starts one gesture, chosen by where and how it lands:
 * on a connector ring, or with the right button or Alt on a variable, it connects; on a variable it
 * selects and moves; on an edge it selects the edge; on empty space it draws a rubber band; with the
 * middle button or Space held it pans. Also the hover (highlight, hint, tooltip), the wheel and pinches.
 * Hit tests use the canvas's own geometry, not JavaFX picking, so they work at any zoom.
 */
final class MouseGestures {
    /** Screen pixels the mouse must travel before a press becomes a drag. */
    private static final double DRAG_THRESHOLD = 3;
    /** Screen pixels within which the mouse picks an edge. */
    private static final double EDGE_TOLERANCE = 6;

    private enum Gesture { NONE, MOVE, CONNECT, BAND, PAN }

    private final DagCanvas canvas;
    private final GraphLayer graph;
    private final Viewport viewport;
    private final Line connectLine = new Line();
    private final Rectangle band = new Rectangle();
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition tooltipDelay = new PauseTransition(Duration.millis(600));

    private Gesture gesture = Gesture.NONE;
    private MouseButton button;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean spaceDown;
    private double panStartX;
    private double panStartY;
    /** MOVE: the variable under the mouse (it snaps; the others keep their offsets) and where all started. */
    private String anchor;
    private final Map<String, Point2D> moveStart = new LinkedHashMap<>();
    /** MOVE: what a click without drag does to the selection (narrow it, or remove with Shift). */
    private Runnable onStillClick;
    private VariableView connectSource;
    private VariableView connectTarget;
    private Set<String> bandBase = Set.of();

    private VariableView hoveredVariable;
    private boolean hoveredConnector;
    private EdgeView hoveredEdge;
    private double hoverScreenX;
    private double hoverScreenY;

    MouseGestures(DagCanvas canvas, GraphLayer graph, Viewport viewport) {
        this.canvas = canvas;
        this.graph = graph;
        this.viewport = viewport;
        connectLine.getStyleClass().add("connect-line");
        connectLine.setMouseTransparent(true);
        connectLine.setVisible(false);
        band.getStyleClass().add("rubber-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        band.setVisible(false);
        tooltip.getStyleClass().add("canvas-tooltip");
        tooltipDelay.setOnFinished(e -> showTooltip());

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == canvas) {
                clearHover();
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(ZoomEvent.ZOOM, this::pinched);
    }

    /** The dashed line from the source to the mouse while connecting; lives among the graph's nodes. */
    Line connectLine() {
        return connectLine;
    }

    /** The rubber band, in the canvas's own pixels. */
    Rectangle band() {
        return band;
    }

    // ---------------------------------------------------------------- press, drag, release

    private void pressed(MouseEvent event) {
        if (canvas.isOnChrome(event)) {
            // The legend or the name field has it; its release must not end a gesture here either.
            button = null;
            return;
        }
        canvas.requestFocus();
        hideTooltip();
        cancel();
        canvas.clearRefusal();
        pressX = event.getX();
        pressY = event.getY();
        dragged = false;
        button = event.getButton();
        onStillClick = null;
        Point2D at = viewport.toWorld(event.getX(), event.getY());
        updateHover(at);
        if (button == MouseButton.MIDDLE || button == MouseButton.PRIMARY && spaceDown) {
            gesture = Gesture.PAN;
            panStartX = viewport.panX();
            panStartY = viewport.panY();
            canvas.setCursor(Cursor.CLOSED_HAND);
        } else if (hoveredVariable != null && (button == MouseButton.SECONDARY
                || button == MouseButton.PRIMARY && (hoveredConnector || event.isAltDown()))) {
            gesture = Gesture.CONNECT;
            connectSource = hoveredVariable;
        } else if (hoveredVariable != null && button == MouseButton.PRIMARY) {
            pressOnVariable(hoveredVariable.name(), event.isShiftDown());
        } else if (hoveredEdge != null && button == MouseButton.PRIMARY) {
            canvas.selectEdge(hoveredEdge.edge());
        } else if (button == MouseButton.PRIMARY) {
            gesture = Gesture.BAND;
            bandBase = event.isShiftDown() ? Set.copyOf(canvas.selection()) : Set.of();
            if (!event.isShiftDown()) {
                canvas.clearSelection();
            }
        }
        canvas.updateHint();
    }

    private void pressOnVariable(String name, boolean shift) {
        Set<String> selection = canvas.selection();
        if (shift && selection.contains(name)) {
            onStillClick = () -> selection.remove(name);
        } else if (shift) {
            selection.add(name);
        } else if (selection.contains(name)) {
            onStillClick = () -> canvas.selectOnly(name);
        } else {
            canvas.selectOnly(name);
        }
        gesture = Gesture.MOVE;
        anchor = name;
        moveStart.clear();
        for (String moving : selection) {
            VariableView view = graph.view(moving);
            moveStart.put(moving, new Point2D(view.centreX(), view.centreY()));
        }
    }

    private void dragged(MouseEvent event) {
        if (gesture == Gesture.NONE
                || !dragged && Math.hypot(event.getX() - pressX, event.getY() - pressY) < DRAG_THRESHOLD) {
            return;
        }
        dragged = true;
        switch (gesture) {
            case PAN -> viewport.panTo(panStartX + event.getX() - pressX, panStartY + event.getY() - pressY);
            case MOVE -> graph.preview(moveTargets(event.getX(), event.getY()));
            case CONNECT -> dragConnection(viewport.toWorld(event.getX(), event.getY()));
            case BAND -> dragBand(event.getX(), event.getY());
            case NONE -> { }
        }
        canvas.updateHint();
    }

    /** Where the moved variables go with the mouse at (x, y): the anchor snaps, the others keep their offsets. */
    private Map<String, Point2D> moveTargets(double x, double y) {
        Point2D start = moveStart.get(anchor);
        double dx = canvas.snap(start.getX() + (x - pressX) / viewport.scale()) - start.getX();
        double dy = canvas.snap(start.getY() + (y - pressY) / viewport.scale()) - start.getY();
        Map<String, Point2D> targets = new LinkedHashMap<>();
        moveStart.forEach((name, from) -> targets.put(name, from.add(dx, dy)));
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
        Point2D from = viewport.toWorld(minX, minY);
        Point2D to = viewport.toWorld(minX + band.getWidth(), minY + band.getHeight());
        Set<String> chosen = new LinkedHashSet<>(bandBase);
        chosen.addAll(graph.variablesIn(from.getX(), from.getY(), to.getX(), to.getY()));
        Set<String> selection = canvas.selection();
        selection.retainAll(chosen);
        selection.addAll(chosen);
    }

    private void released(MouseEvent event) {
        if (event.getButton() != button) {
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
            case PAN -> canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            case NONE -> {
                if (event.getButton() == MouseButton.SECONDARY && event.isStillSincePress()) {
                    showMenu(event);
                }
            }
        }
        onStillClick = null;
        updateHover(viewport.toWorld(event.getX(), event.getY()));
    }

    private void finishMove(double x, double y) {
        Map<String, Point2D> targets = moveTargets(x, y);
        Map<String, CanvasPosition> positions = new LinkedHashMap<>();
        targets.forEach((name, p) -> positions.put(name, new CanvasPosition(p.getX(), p.getY())));
        boolean moved = !targets.get(anchor).equals(moveStart.get(anchor));
        String description = positions.size() == 1 ? "Move " + anchor : "Move " + positions.size() + " variables";
        if (!moved || !canvas.execute(new MoveVariables(positions, description))) {
            graph.preview(moveStart);
        }
    }

    private void finishConnect(MouseEvent event) {
        VariableView source = connectSource;
        VariableView target = connectTarget;
        clearConnect();
        if (target != null) {
            canvas.execute(new AddEdge(source.name(), target.name()));
        } else if (!dragged && event.getButton() == MouseButton.SECONDARY) {
            showMenu(event);
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
    void cancel() {
        if (gesture == Gesture.MOVE && dragged) {
            graph.preview(moveStart);
        }
        clearConnect();
        band.setVisible(false);
        gesture = Gesture.NONE;
        canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    boolean active() {
        return gesture != Gesture.NONE;
    }

    private void clicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || event.getClickCount() != 2 || !event.isStillSincePress()
                || canvas.isOnChrome(event)) {
            return;
        }
        Point2D at = viewport.toWorld(event.getX(), event.getY());
        VariableView view = graph.variableAt(at.getX(), at.getY());
        if (view != null) {
            canvas.selectOnly(view.name());
            canvas.startRename(view.name());
        } else if (edgeNear(at) == null) {
            canvas.addVariableAt(canvas.snap(at.getX()), canvas.snap(at.getY()));
        }
    }

    private void showMenu(MouseEvent event) {
        Point2D at = viewport.toWorld(event.getX(), event.getY());
        VariableView view = graph.variableAt(at.getX(), at.getY());
        CanvasMenu.show(canvas, view, view == null ? edgeNear(at) : null, at, event.getScreenX(), event.getScreenY());
    }

    // ---------------------------------------------------------------- space bar

    void setSpaceDown(boolean down) {
        spaceDown = down;
        if (gesture == Gesture.NONE) {
            canvas.setCursor(down ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        }
    }

    // ---------------------------------------------------------------- hover, tooltip, wheel

    private void moved(MouseEvent event) {
        hoverScreenX = event.getScreenX();
        hoverScreenY = event.getScreenY();
        if (canvas.isOnChrome(event)) {
            clearHover();
        } else {
            updateHover(viewport.toWorld(event.getX(), event.getY()));
        }
    }

    private void updateHover(Point2D at) {
        VariableView ringOwner = graph.connectorAt(at.getX(), at.getY(), VariableView.CONNECTOR_RADIUS + 1);
        VariableView view = ringOwner != null ? ringOwner : graph.variableAt(at.getX(), at.getY());
        hover(view, ringOwner != null, view == null ? edgeNear(at) : null);
    }

    private EdgeView edgeNear(Point2D at) {
        return graph.edgeAt(at.getX(), at.getY(), EDGE_TOLERANCE / viewport.scale());
    }

    /** Forgets what is under the mouse (it left, or what it pointed at is gone). */
    void clearHover() {
        hover(null, false, null);
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
            canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : onConnector ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        }
        if (changed) {
            hideTooltip();
            if (gesture == Gesture.NONE && (view != null || edge != null && !edge.edge().note().isEmpty())) {
                tooltipDelay.playFromStart();
            }
        }
        canvas.updateHint();
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
        if (text != null && gesture == Gesture.NONE && canvas.getScene() != null && canvas.getScene().getWindow() != null) {
            tooltip.setText(text);
            tooltip.show(canvas, hoverScreenX + 12, hoverScreenY + 16);
        }
    }

    void hideTooltip() {
        tooltipDelay.stop();
        tooltip.hide();
    }

    /** What the tooltip shows now; null when hidden. */
    String tooltipText() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() == 0 || gesture != Gesture.NONE) {
            return;
        }
        hideTooltip();
        viewport.zoomAbout(event.getX(), event.getY(), viewport.scale() * Math.pow(1.0015, event.getDeltaY()));
        event.consume();
    }

    private void pinched(ZoomEvent event) {
        viewport.zoomAbout(event.getX(), event.getY(), viewport.scale() * event.getZoomFactor());
        event.consume();
    }

    // ---------------------------------------------------------------- hint

    /** The hint for the gesture under way or what the mouse is over; null when neither calls for one. */
    String hint() {
        switch (gesture) {
            case CONNECT -> {
                return connectTarget == null
                        ? "Release on a variable to draw " + connectSource.name() + " -> …"
                        : "Release to add " + connectSource.name() + " -> " + connectTarget.name();
            }
            case MOVE -> {
                if (dragged) {
                    int count = moveStart.size();
                    return "Moving " + count + (count == 1 ? " variable" : " variables")
                            + (canvas.snapToGridProperty().get() ? " · snapping to the grid" : "");
                }
            }
            case BAND -> {
                return canvas.selection().size() + " selected";
            }
            case PAN -> {
                return "Panning";
            }
            case NONE -> { }
        }
        if (spaceDown) {
            return "Drag to pan";
        }
        if (canvas.selectedEdgeProperty().get() != null) {
            return null;
        }
        if (hoveredConnector) {
            return "Drag from the ring to connect";
        }
        if (hoveredVariable != null && canvas.selection().size() <= 1) {
            return "Drag to move · drag from the ring or right-drag to connect · double-click to rename";
        }
        if (hoveredEdge != null) {
            return "Click to select " + hoveredEdge.edge();
        }
        return null;
    }

    /** Variables or edges went away: drop the gesture and the hover that may point at them. */
    void structureChanged() {
        cancel();
        clearHover();
    }
}
