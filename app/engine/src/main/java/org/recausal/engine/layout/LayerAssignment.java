package org.recausal.engine.layout;

/**
 * Puts every variable on a layer below all its causes. Starts from the longest-path layering (each
 * variable directly under its lowest cause), which stacks every root in the top layer however far
 * its effects are; then a compaction pulls a variable down towards its effects while that shortens the
 * edges in total (more edges below it than above), so roots sit next to what they cause.
 */
final class LayerAssignment {
    private LayerAssignment() {
    }

    /**
     * @param parents  per variable, the indices of its causes
     * @param children per variable, the indices of its effects
     * @param topo     all indices, causes before effects
     * @return per variable its layer, 0 at the top, the smallest layer used is 0
     */
    static int[] assign(int[][] parents, int[][] children, int[] topo) {
        int n = topo.length;
        int[] layer = new int[n];
        for (int v : topo) {
            for (int p : parents[v]) {
                layer[v] = Math.max(layer[v], layer[p] + 1);
            }
        }
        // Every move strictly shortens the total edge length, so the loop ends.
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = n - 1; i >= 0; i--) {
                int v = topo[i];
                if (children[v].length <= parents[v].length) {
                    continue;
                }
                int target = Integer.MAX_VALUE;
                for (int c : children[v]) {
                    target = Math.min(target, layer[c] - 1);
                }
                if (target > layer[v]) {
                    layer[v] = target;
                    moved = true;
                }
            }
        }
        int min = Integer.MAX_VALUE;
        for (int l : layer) {
            min = Math.min(min, l);
        }
        for (int v = 0; v < n; v++) {
            layer[v] -= min;
        }
        return layer;
    }
}
