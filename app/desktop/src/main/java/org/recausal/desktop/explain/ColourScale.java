package org.recausal.desktop.explain;

import javafx.scene.paint.Color;

/**
 * The heatmaps' sequential colour scale, ColorBrewer's "Blues": near white for no attention, deep blue for the
 * most, evenly spaced in perceived lightness so equal steps in weight look like equal steps in colour.
 */
final class ColourScale {
    private static final Color[] STOPS = {Color.web("#f7fbff"), Color.web("#deebf7"), Color.web("#c6dbef"),
        Color.web("#9ecae1"), Color.web("#6baed6"), Color.web("#4292c6"), Color.web("#2171b5"), Color.web("#08519c"),
        Color.web("#08306b")};

    private ColourScale() {
    }

    /** The colour of {@code value} on a scale from 0 to {@code max}; values outside are clamped. */
    static Color colour(double value, double max) {
        double t = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
        double position = t * (STOPS.length - 1);
        int low = Math.min(STOPS.length - 2, (int) Math.floor(position));
        return STOPS[low].interpolate(STOPS[low + 1], position - low);
    }

    /** Text drawn over a cell of this value: white on the dark half of the scale. */
    static Color textOn(double value, double max) {
        return max > 0 && value / max > 0.55 ? Color.WHITE : Color.web("#1f2630");
    }
}
