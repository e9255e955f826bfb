package org.recausal.engine.layout;

/**
 * Sizes and spacing for {@link LayeredLayout}, in canvas units.
 *
 * @param nodeWidth        width of a variable's box
 * @param nodeHeight       height of a variable's box
 * @param horizontalGap    free space between neighbouring boxes in a layer
 * @param layerGap         free space between the bottom of one layer and the top of the next
 * @param edgeGap          free space beside a long edge passing through a layer
 * @param sweeps           most up/down passes of crossing reduction
 * @param keyNodeCrossings crossings an exposure or outcome may add to move to the middle of its layer
 */
public record LayoutOptions(double nodeWidth, double nodeHeight, double horizontalGap, double layerGap,
        double edgeGap, int sweeps, int keyNodeCrossings) {

    public static final LayoutOptions DEFAULT = new LayoutOptions(120, 40, 40, 70, 20, 24, 2);

    public LayoutOptions {
        requirePositive("node width", nodeWidth);
        requirePositive("node height", nodeHeight);
        requireNotNegative("horizontal gap", horizontalGap);
        requireNotNegative("layer gap", layerGap);
        requireNotNegative("edge gap", edgeGap);
        requireNotNegative("sweeps", sweeps);
        requireNotNegative("key node crossings", keyNodeCrossings);
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + value);
        }
    }

    private static void requireNotNegative(String what, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
    }
}
