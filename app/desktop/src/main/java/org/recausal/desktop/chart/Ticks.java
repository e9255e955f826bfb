package org.recausal.desktop.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round axis ticks: steps of 1, 2 or 5 times a power of ten, about five to an axis. */
public final class Ticks {
    private Ticks() {
    }

    /** The round step that cuts {@code span} into at most {@code count} parts. */
    public static double step(double span, int count) {
        if (!(span > 0)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(span / count)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (span / (m * decade) <= count) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** The multiples of {@code step} from {@code low} to {@code high}. */
    static List<Double> between(double low, double high, double step) {
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** A tick value with as many decimals as its step needs. */
    public static String format(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        if (step < 1 && Math.abs(value - Math.rint(value / step) * step) > step * 1e-6) {
            decimals = 6;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
