package org.recausal.engine.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

/**
 * Layered (Sugiyama) auto-layout of a causal graph: causes above their effects, few crossings, long
 * edges drawn straight, parents near their children. Steps: layers by longest path with compaction
 * ({@link LayerAssignment}), dummy vertices on long edges ({@link LayeredGraph}), median sweeps with
 * adjacent swaps ({@link CrossingReduction}), Brandes–Köpf coordinates ({@link CoordinateAssignment}).
 * Each connected part is laid out on its own and the parts are placed side by side in insertion order;
 * variables without edges go in a block on the right. The exposure and outcome are drawn towards the
 * middle of their layers so they are easy to find. Deterministic: the same graph gives the same layout.
 */
public final class LayeredLayout {
    private LayeredLayout() {
    }

    public static LayoutResult layout(Dag dag) {
        return layout(dag, LayoutOptions.DEFAULT);
    }

    public static LayoutResult layout(Dag dag, LayoutOptions options) {
        List<String> names = dag.names();
        int n = names.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(names.get(i), i);
        }
        List<CausalEdge> edges = dag.edges();
        int[][] edgeEnds = new int[edges.size()][];
        for (int i = 0; i < edgeEnds.length; i++) {
            edgeEnds[i] = new int[] {index.get(edges.get(i).from()), index.get(edges.get(i).to())};
        }
        int[] topo = dag.topologicalOrder().stream().mapToInt(index::get).toArray();
        boolean[] key = new boolean[n];
        for (int i = 0; i < n; i++) {
            Role role = dag.require(names.get(i)).role();
            key[i] = role == Role.EXPOSURE || role == Role.OUTCOME;
        }

        CanvasPosition[] centres = new CanvasPosition[n];
        List<List<CanvasPosition>> bends = new ArrayList<>(edges.size());
        edges.forEach(e -> bends.add(List.of()));
        double left = 0;
        int layerCount = 0;
        List<Integer> isolated = new ArrayList<>();
        for (int[] part : connectedParts(n, edgeEnds)) {
            if (part.length == 1) {
                isolated.add(part[0]);
                continue;
            }
            Part placed = layoutPart(part, edgeEnds, topo, key, options, left, centres, bends);
            layerCount = Math.max(layerCount, placed.layers);
            // A wider gap between parts than inside a layer shows they are unconnected.
            left = placed.right + 2 * options.horizontalGap();
        }
        if (!isolated.isEmpty()) {
            layerCount = Math.max(layerCount, placeInBlock(isolated, options, left, centres));
        }

        Map<String, CanvasPosition> positions = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(names.get(i), centres[i]);
        }
        List<EdgeRoute> routes = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            routes.add(new EdgeRoute(edges.get(i).from(), edges.get(i).to(), bends.get(i)));
        }
        return new LayoutResult(positions, routes, layerCount);
    }

    private record Part(double right, int layers) {
    }

    /** Lays out one connected part with its left edge at {@code left}; fills its centres and bends. */
    private static Part layoutPart(int[] part, int[][] edgeEnds, int[] topo, boolean[] key, LayoutOptions options,
            double left, CanvasPosition[] centres, List<List<CanvasPosition>> bends) {
        int[] local = new int[key.length];
        Arrays.fill(local, -1);
        for (int i = 0; i < part.length; i++) {
            local[part[i]] = i;
        }
        List<int[]> localEdges = new ArrayList<>();
        List<Integer> edgeIds = new ArrayList<>();
        int[] parentCount = new int[part.length];
        int[] childCount = new int[part.length];
        for (int e = 0; e < edgeEnds.length; e++) {
            if (local[edgeEnds[e][0]] >= 0) {
                int from = local[edgeEnds[e][0]];
                int to = local[edgeEnds[e][1]];
                localEdges.add(new int[] {from, to});
                edgeIds.add(e);
                childCount[from]++;
                parentCount[to]++;
            }
        }
        int[][] parents = new int[part.length][];
        int[][] children = new int[part.length][];
        for (int v = 0; v < part.length; v++) {
            parents[v] = new int[parentCount[v]];
            children[v] = new int[childCount[v]];
            parentCount[v] = 0;
            childCount[v] = 0;
        }
        for (int[] e : localEdges) {
            children[e[0]][childCount[e[0]]++] = e[1];
            parents[e[1]][parentCount[e[1]]++] = e[0];
        }
        int[] localTopo = Arrays.stream(topo).filter(v -> local[v] >= 0).map(v -> local[v]).toArray();
        boolean[] localKey = new boolean[part.length];
        for (int i = 0; i < part.length; i++) {
            localKey[i] = key[part[i]];
        }

        int[] layers = LayerAssignment.assign(parents, children, localTopo);
        LayeredGraph graph = new LayeredGraph(localEdges.toArray(int[][]::new), layers);
        CrossingReduction.reduce(graph, options.sweeps(), localKey, options.keyNodeCrossings());
        double[] x = CoordinateAssignment.assign(graph, options);

        double right = left;
        for (int v = 0; v < part.length; v++) {
            centres[part[v]] = new CanvasPosition(left + x[v], y(graph.layer[v], options));
            right = Math.max(right, left + x[v] + options.nodeWidth() / 2);
        }
        for (int i = 0; i < edgeIds.size(); i++) {
            int[] chain = graph.chains[i];
            List<CanvasPosition> route = new ArrayList<>(chain.length - 2);
            for (int k = 1; k < chain.length - 1; k++) {
                route.add(new CanvasPosition(left + x[chain[k]], y(graph.layer[chain[k]], options)));
                right = Math.max(right, left + x[chain[k]]);
            }
            bends.set(edgeIds.get(i), route);
        }
        return new Part(right, graph.layers.length);
    }

    /** Variables without edges, in a roughly square block of rows from the top; returns its row count. */
    private static int placeInBlock(List<Integer> isolated, LayoutOptions options, double left,
            CanvasPosition[] centres) {
        int columns = (int) Math.ceil(Math.sqrt(isolated.size()));
        for (int i = 0; i < isolated.size(); i++) {
            double x = left + (i % columns) * (options.nodeWidth() + options.horizontalGap()) + options.nodeWidth() / 2;
            centres[isolated.get(i)] = new CanvasPosition(x, y(i / columns, options));
        }
        return (isolated.size() + columns - 1) / columns;
    }

    private static double y(int layer, LayoutOptions options) {
        return layer * (options.nodeHeight() + options.layerGap()) + options.nodeHeight() / 2;
    }

    /** Weakly connected parts, each sorted, ordered by their first variable. */
    private static List<int[]> connectedParts(int n, int[][] edgeEnds) {
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (int[] e : edgeEnds) {
            int a = find(parent, e[0]);
            int b = find(parent, e[1]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            byRoot.computeIfAbsent(find(parent, v), r -> new ArrayList<>()).add(v);
        }
        return byRoot.values().stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
