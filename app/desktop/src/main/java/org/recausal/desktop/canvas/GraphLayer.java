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
 * change concerns, so moving one variable re-draws that box and its edges and nothing else.
 */
final class GraphLayer extends Group {
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Map<String, VariableView> nodes = new HashMap<>();
    private final Map<EdgeKey, EdgeView> edges = new HashMap<>();
    private final Map<String, Set<EdgeView>> incident = new HashMap<>();
    /** Routes of the last auto-layout; an edge uses its route while both ends stay where the layout put them. */
    private final Map<EdgeKey, LaidOutRoute> routes = new HashMap<>();
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
    }

    /** Brings the views up to date with one change of the graph. */
    void apply(DagChange change, Dag dag) {
        switch (change) {
            case DagChange.VariableAdded added -> {
                VariableView view = new VariableView(added.variable());
                nodes.put(added.variable().name(), view);
                applyOverlay(view);
                nodeLayer.getChildren().add(view);
            }
            case DagChange.VariableRemoved removed -> {
                VariableView view = nodes.remove(removed.variable().name());
                nodeLayer.getChildren().remove(view);
                incident.remove(removed.variable().name());
            }
            case DagChange.VariableUpdated updated -> {
                VariableView view = nodes.get(updated.after().name());
                view.update(updated.after());
                if (!updated.before().position().equals(updated.after().position())) {
                    view.moveTo(updated.after().position().x(), updated.after().position().y());
                    incidentEdges(view.name()).forEach(this::refresh);
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
        refresh(view);
        return view;
    }

    private void removeEdge(EdgeKey key) {
        EdgeView view = edges.remove(key);
        if (view == null) {
            return;
        }
        edgeLayer.getChildren().removeAll(view.line(), view.head());
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

    private void refresh(EdgeView edge) {
        VariableView source = nodes.get(edge.edge().from());
        VariableView target = nodes.get(edge.edge().to());
        edge.setShape(EdgeGeometry.route(source.box(), target.box(), bends(edge, source, target)));
    }

    private List<Point2D> bends(EdgeView edge, VariableView source, VariableView target) {
        LaidOutRoute route = routes.get(EdgeKey.of(edge.edge()));
        if (route == null || !at(source, route.from()) || !at(target, route.to())) {
            return List.of();
        }
        return route.bends();
    }

    private static boolean at(VariableView view, CanvasPosition position) {
        return Math.abs(view.centreX() - position.x()) < 1e-6 && Math.abs(view.centreY() - position.y()) < 1e-6;
    }

    /** Moves boxes (and their edges) without touching the graph: the live preview of a drag. */
    void preview(Map<String, Point2D> centres) {
        Set<EdgeView> touched = new LinkedHashSet<>();
        centres.forEach((name, centre) -> {
            VariableView view = nodes.get(name);
            if (view != null) {
                view.moveTo(centre.getX(), centre.getY());
                touched.addAll(incidentEdges(name));
            }
        });
        touched.forEach(this::refresh);
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

    void refreshAllEdges() {
        edges.values().forEach(this::refresh);
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
        return edges.get(key);
    }

    Collection<VariableView> variableViews() {
        return nodes.values();
    }

    Collection<EdgeView> edgeViews() {
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
