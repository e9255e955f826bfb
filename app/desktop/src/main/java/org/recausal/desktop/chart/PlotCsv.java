package org.recausal.desktop.chart;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.recausal.desktop.canvas.ExportFiles;

/**
 * The numbers behind plots as CSV in long form: one point a line, named by its plot, series and axes, so a table
 * tool can pivot it back into the plots. Numbers are written in full (nine significant digits), not as the axes
 * round them.
 */
public final class PlotCsv {
    private PlotCsv() {
    }

    public static void write(List<PlotData> plots, Path file) throws IOException {
        ExportFiles.write(file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write("plot,series,x_axis,x,y_axis,y\n");
            for (PlotData plot : plots) {
                for (PlotData.Series s : plot.series()) {
                    for (int k = 0; k < s.x().length; k++) {
                        String x = plot.categories().isEmpty() ? number(s.x()[k]) : plot.categories().get((int) s.x()[k]);
                        out.write(String.join(",", quote(plot.title()), quote(s.name()), quote(plot.xLabel()), quote(x),
                                quote(plot.yLabel()), number(s.y()[k])) + "\n");
                    }
                }
            }
            out.flush();
        });
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.9g", value);
    }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
