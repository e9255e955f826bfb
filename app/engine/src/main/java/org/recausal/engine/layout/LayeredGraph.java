package org.recausal.engine.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A layered graph in which every edge joins neighbouring layers: an edge spanning several layers is
 * split by dummy vertices, one per layer passed. Vertices {@code 0..realCount-1} are variables, the rest
 * dummies. Holds the current order of each layer, which crossing reduction rearranges.
 */
final class LayeredGraph {
    final int realCount;
    final int size;
    final int[] layer;
    /** Neighbours in the layer above / below. */
    final int[][] up;
    final int[][] down;
    /** Vertices of each layer, left to right. */
    final int[][] layers;
    /** Index of each vertex in its layer. */
    final int[] pos;
    /** Per input edge: its source, its dummies top to bottom, its target. */
    final int[][] chains;

    /**
     * @param edges      {@code {from, to}} pairs of variable indices, from on a higher layer
     * @param realLayers the layer of each variable
     */
    LayeredGraph(int[][] edges, int[] realLayers) {
        realCount = realLayers.length;
        int dummies = 0;
        int layerCount = 0;
        for (int[] e : edges) {
            dummies += realLayers[e[1]] - realLayers[e[0]] - 1;
        }
        for (int l : realLayers) {
            layerCount = Math.max(layerCount, l + 1);
        }
        size = realCount + dummies;
        layer = new int[size];
        System.arraycopy(realLayers, 0, layer, 0, realCount);
        List<List<Integer>> upLists = new ArrayList<>(size);
        List<List<Integer>> downLists = new ArrayList<>(size);
        for (int v = 0; v < size; v++) {
            upLists.add(new ArrayList<>(2));
            downLists.add(new ArrayList<>(2));
        }
        chains = new int[edges.length][];
        int next = realCount;
        for (int i = 0; i < edges.length; i++) {
            int from = edges[i][0];
            int to = edges[i][1];
            int[] chain = new int[layer[to] - layer[from] + 1];
            chain[0] = from;
            for (int k = 1; k < chain.length - 1; k++) {
                layer[next] = layer[from] + k;
                chain[k] = next++;
            }
            chain[chain.length - 1] = to;
            for (int k = 0; k + 1 < chain.length; k++) {
                downLists.get(chain[k]).add(chain[k + 1]);
                upLists.get(chain[k + 1]).add(chain[k]);
            }
            chains[i] = chain;
        }
        up = toArrays(upLists);
        down = toArrays(downLists);
        layers = initialOrder(layerCount);
        pos = new int[size];
        updatePositions();
    }

    boolean isDummy(int v) {
        return v >= realCount;
    }

    void updatePositions() {
        for (int[] row : layers) {
            for (int i = 0; i < row.length; i++) {
                pos[row[i]] = i;
            }
        }
    }

    /**
     * Orders each layer by depth-first discovery from the roots in insertion order, which keeps
     * chains of causes together and gives crossing reduction a sensible start.
     */
    private int[][] initialOrder(int layerCount) {
        int[] counts = new int[layerCount];
        boolean[] seen = new boolean[size];
        int[][] rows = new int[layerCount][];
        for (int v = 0; v < size; v++) {
            counts[layer[v]]++;
        }
        for (int l = 0; l < layerCount; l++) {
            rows[l] = new int[counts[l]];
            counts[l] = 0;
        }
        int[] stack = new int[size];
        for (int root = 0; root < realCount; root++) {
            if (up[root].length > 0 || seen[root]) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            seen[root] = true;
            while (top > 0) {
                int v = stack[--top];
                rows[layer[v]][counts[layer[v]]++] = v;
                // Pushed in reverse so the first child is visited first.
                for (int k = down[v].length - 1; k >= 0; k--) {
                    int w = down[v][k];
                    if (!seen[w]) {
                        seen[w] = true;
                        stack[top++] = w;
                    }
                }
            }
        }
        return rows;
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] arrays = new int[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return arrays;
    }
}
