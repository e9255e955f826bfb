package org.recausal.desktop.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;

import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.layout.EdgeRoute;
import org.recausal.engine.layout.LayoutResult;

/**
 * The drawn graph, in canvas units (no zoom or pan): one {@link VariableView} per variable above one
 * {@link EdgeView} per edge. It follows the {@link Dag} change by change, touching only the views a
 * change concerns.
 *
 * <p>Edges run around other variables' boxes ({@link EdgeRouter}), so a moved, added or removed box can
 * change any edge: such changes mark every edge stale, and stale edges are routed once, before the next
 * frame or when something reads them, however many changes one edit made. A drag preview routes only the
 * dragged variables' edges, at once; the others follow when the move is dropped.
 */
final class GraphLayer extends Group {
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Map<String, VariableView> nodes = new HashMap<>();
    private final Map<EdgeKey, EdgeView> edges = new HashMap<>();
    private final Map<String, Set<EdgeView>> incident = new HashMap<>();
    /** Routes of the last auto-layout; an edge uses its route while both ends stay where the layout put them. */
    private final Map<EdgeKey, LaidOutRoute> routes = new HashMap<>();
    /** Edges to route before they are next drawn or read; every edge when {@link #allStale}. */
    private final Set<EdgeView> stale = new LinkedHashSet<>();
    private boolean allStale;
    /** Routes for the boxes where they are now; null once a box moved, built again when next needed. */
    private EdgeRouter router;
    private CanvasOverlay overlay = CanvasOverlay.NONE;

    private record LaidOutRoute(List<Point2D> bends, CanvasPosition from, CanvasPosition to) {
    }

    GraphLayer() {
        edgeLayer.setAutoSizeChildren(false);
        nodeLayer.setAutoSizeChildren(false);
        getChildren().addAll(edgeLayer, nodeLayer);
    }

    /** Drops every view and draws {@code dag} afresh. */
    void show(Dag dag) {
        nodes.clear();
        edges.clear();
        incident.clear();
        routes.clear();
        stale.clear();
        allStale = true;
        router = null;
        List<Node> nodeViews = new ArrayList<>(dag.size());
        for (Variable variable : dag.variables()) {
            VariableView view = new VariableView(variable);
            nodes.put(variable.name(), view);
            nodeViews.add(view);
            applyOverlay(view);
        }
        List<Node> edgeNodes = new ArrayList<>(dag.edgeCount() * 2);
        for (CausalEdge edge : dag.edges()) {
            EdgeView view = createEdge(edge);
            edgeNodes.add(view.line());
            edgeNodes.add(view.head());
        }
        nodeLayer.getChildren().setAll(nodeViews);
        edgeLayer.getChildren().setAll(edgeNodes);
        routeStaleEdges();
    }

    /** Brings the views up to date with one change of the graph. */
    void apply(DagChange change, Dag dag) {
        switch (change) {
            case DagChange.VariableAdded added -> {
                VariableView view = new VariableView(added.variable());
                nodes.put(added.variable().name(), view);
                applyOverlay(view);
                nodeLayer.getChildren().add(view);
                boxesChanged();
            }
            case DagChange.VariableRemoved removed -> {
                VariableView view = nodes.remove(removed.variable().name());
                nodeLayer.getChildren().remove(view);
                incident.remove(removed.variable().name());
                boxesChanged();
            }
            case DagChange.VariableUpdated updated -> {
                VariableView view = nodes.get(updated.after().name());
                view.update(updated.after());
                if (!updated.before().position().equals(updated.after().position())) {
                    view.moveTo(updated.after().position().x(), updated.after().position().y());
                    boxesChanged();
                }
            }
            case DagChange.VariableRenamed renamed -> rename(renamed.oldName(), renamed.newName(), dag);
            case DagChange.EdgeAdded added -> {
                EdgeView view = createEdge(added.edge());
                edgeLayer.getChildren().addAll(view.line(), view.head());
            }
            case DagChange.EdgeRemoved removed -> removeEdge(EdgeKey.of(removed.edge()));
        }
    }

    /** The renamed variable keeps its view; its edges are new objects in the graph, so they are redrawn. */
    private void rename(String oldName, String newName, Dag dag) {
        for (EdgeView edge : List.copyOf(incidentEdges(oldName))) {
            removeEdge(EdgeKey.of(edge.edge()));
        }
        incident.remove(oldName);
        VariableView view = nodes.remove(oldName);
        view.update(dag.require(newName));
        nodes.put(newName, view);
        applyOverlay(view);
        // The box's width follows its name.
        boxesChanged();
        List<Node> added = new ArrayList<>();
        for (String parent : dag.parents(newName)) {
            EdgeView edge = createEdge(dag.edge(parent, newName).orElseThrow());
            added.add(edge.line());
            added.add(edge.head());
        }
        for (String child : dag.children(newName)) {
            EdgeView edge = createEdge(dag.edge(newName, child).orElseThrow());
            added.add(edge.line());
            added.add(edge.head());
        }
        edgeLayer.getChildren().addAll(added);
    }

    private EdgeView createEdge(CausalEdge edge) {
        EdgeView view = new EdgeView(edge);
        EdgeKey key = EdgeKey.of(edge);
        edges.put(key, view);
        incident.computeIfAbsent(edge.from(), n -> new LinkedHashSet<>()).add(view);
        incident.computeIfAbsent(edge.to(), n -> new LinkedHashSet<>()).add(view);
        view.setOverlayClass(overlay.edgeStyles().get(key));
        markStale(view);
        return view;
    }

    private void removeEdge(EdgeKey key) {
        EdgeView view = edges.remove(key);
        if (view == null) {
            return;
        }
        edgeLayer.getChildren().removeAll(view.line(), view.head());
        stale.remove(view);
        Set<EdgeView> fromSet = incident.get(key.from());
        if (fromSet != null) {
            fromSet.remove(view);
        }
        Set<EdgeView> toSet = incident.get(key.to());
        if (toSet != null) {
            toSet.remove(view);
        }
    }

    private Set<EdgeView> incidentEdges(String name) {
        return incident.getOrDefault(name, Set.of());
    }

    // ---------------------------------------------------------------- routing

    private void markStale(EdgeView edge) {
        if (!allStale && stale.add(edge) && stale.size() == 1) {
            requestLayout();
        }
    }

    /** A box moved, appeared, went or changed size: any edge may now run through it, or be free of it. */
    private void boxesChanged() {
        router = null;
        if (!allStale) {
            allStale = true;
            stale.clear();
            requestLayout();
        }
    }

    /** Routes every stale edge; called before each frame and before anything reads edge shapes. */
    private void routeStaleEdges() {
        if (allStale) {
            allStale = false;
            stale.clear();
            edges.values().forEach(this::route);
        } else if (!stale.isEmpty()) {
            List<EdgeView> due = List.copyOf(stale);
            stale.clear();
            due.forEach(this::route);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        routeStaleEdges();
    }

    private EdgeRouter router() {
        if (router == null) {
            Map<String, EdgeGeometry.Box> boxes = new HashMap<>(nodes.size() * 2);
            nodes.forEach((name, view) -> boxes.put(name, view.box()));
            router = new EdgeRouter(boxes);
        }
        return router;
    }

    /**
     * The layout's route while both ends stay where the layout put them and no box moved onto it; else
     * the router's.
     */
    private void route(EdgeView edge) {
        String from = edge.edge().from();
        String to = edge.edge().to();
        VariableView source = nodes.get(from);
        VariableView target = nodes.get(to);
        LaidOutRoute laidOut = routes.get(EdgeKey.of(edge.edge()));
        if (laidOut != null && at(source, laidOut.from()) && at(target, laidOut.to())) {
            EdgeGeometry.Shape shape = EdgeGeometry.route(source.box(), target.box(), laidOut.bends());
            if (router().isClear(shape, from, to)) {
                edge.setShape(shape);
                return;
            }
        }
        edge.setShape(router().route(from, to));
    }

    private static boolean at(VariableView view, CanvasPosition position) {
        return Math.abs(view.centreX() - position.x()) < 1e-6 && Math.abs(view.centreY() - position.y()) < 1e-6;
    }

    /**
     * Moves boxes without touching the graph, the live preview of a drag, and routes their edges at once.
     * Other edges keep their routes until the move is dropped (or undone).
     */
    void preview(Map<String, Point2D> centres) {
        routeStaleEdges();
        Set<EdgeView> touched = new LinkedHashSet<>();
        centres.forEach((name, centre) -> {
            VariableView view = nodes.get(name);
            if (view != null) {
                view.moveTo(centre.getX(), centre.getY());
                touched.addAll(incidentEdges(name));
            }
        });
        router = null;
        touched.forEach(this::route);
    }

    /** Keeps the layout's routes so long edges run through their bends until one of their ends moves. */
    void setRoutes(LayoutResult layout) {
        routes.clear();
        for (EdgeRoute route : layout.routes()) {
            if (!route.bends().isEmpty()) {
                List<Point2D> bends = route.bends().stream().map(p -> new Point2D(p.x(), p.y())).toList();
                routes.put(new EdgeKey(route.from(), route.to()), new LaidOutRoute(bends,
                        layout.positions().get(route.from()), layout.positions().get(route.to())));
            }
        }
    }

    /** Routes every edge now (after new layout routes were set). */
    void refreshAllEdges() {
        allStale = true;
        routeStaleEdges();
    }

    void setOverlay(CanvasOverlay newOverlay) {
        overlay = newOverlay;
        nodes.values().forEach(this::applyOverlay);
        edges.forEach((key, view) -> view.setOverlayClass(overlay.edgeStyles().get(key)));
    }

    private void applyOverlay(VariableView view) {
        view.setOverlayClass(overlay.nodeStyles().get(view.name()));
    }

    // ---------------------------------------------------------------- lookups and hit tests

    VariableView view(String name) {
        return nodes.get(name);
    }

    EdgeView edgeView(EdgeKey key) {
        routeStaleEdges();
        return edges.get(key);
    }

    Collection<VariableView> variableViews() {
        return nodes.values();
    }

    Collection<EdgeView> edgeViews() {
        routeStaleEdges();
        return edges.values();
    }

    /** The topmost variable whose box contains (x, y), or null. */
    VariableView variableAt(double x, double y) {
        List<Node> children = nodeLayer.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            VariableView view = (VariableView) children.get(i);
            if (view.box().contains(x, y)) {
                return view;
            }
        }
        return null;
    }

    /** The topmost variable whose connector ring (bottom middle of the box) is within {@code reach} of (x, y), or null. */
    VariableView connectorAt(double x, double y, double reach) {
        List<Node> children = nodeLayer.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            VariableView view = (VariableView) children.get(i);
            if (Math.hypot(x - view.centreX(), y - (view.centreY() + VariableView.HEIGHT / 2)) <= reach) {
                return view;
            }
        }
        return null;
    }

    /** The edge nearest to (x, y) within {@code tolerance}, or null. */
    EdgeView edgeAt(double x, double y, double tolerance) {
        routeStaleEdges();
        EdgeView best = null;
        double bestDistance = tolerance;
        for (EdgeView edge : edges.values()) {
            double distance = edge.distanceTo(x, y, bestDistance);
            if (distance <= bestDistance) {
                best = edge;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Names of the variables whose boxes meet the rectangle. */
    List<String> variablesIn(double minX, double minY, double maxX, double maxY) {
        List<String> names = new ArrayList<>();
        for (VariableView view : nodes.values()) {
            EdgeGeometry.Box box = view.box();
            if (box.cx() + box.width() / 2 >= minX && box.cx() - box.width() / 2 <= maxX
                    && box.cy() + box.height() / 2 >= minY && box.cy() - box.height() / 2 <= maxY) {
                names.add(view.name());
            }
        }
        return names;
    }

    /** The union of every box and edge, in canvas units; null for an empty graph. */
    Bounds graphBounds() {
        if (nodes.isEmpty()) {
            return null;
        }
        routeStaleEdges();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (VariableView view : nodes.values()) {
            EdgeGeometry.Box box = view.box();
            minX = Math.min(minX, box.cx() - box.width() / 2);
            maxX = Math.max(maxX, box.cx() + box.width() / 2);
            minY = Math.min(minY, box.cy() - box.height() / 2);
            maxY = Math.max(maxY, box.cy() + box.height() / 2);
        }
        for (EdgeView edge : edges.values()) {
            double[] bounds = edge.shape().bounds();
            minX = Math.min(minX, bounds[0]);
            minY = Math.min(minY, bounds[1]);
            maxX = Math.max(maxX, bounds[2]);
            maxY = Math.max(maxY, bounds[3]);
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
