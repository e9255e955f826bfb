package org.recausal.engine.scm;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.model.Scale;

/**
 * Values of named variables over rows, stored column by column as doubles: numbers as they are, levels of discrete
 * variables as their codes. Holds observed data bound to a graph's nodes as well as samples drawn from a model.
 * No missing values. The arrays handed out by {@link #column(String)} are the stored ones: read them, never write.
 */
public final class Observations {

    private final List<String> names;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Scale[] scales;
    private final double[][] columns;
    private final int rows;

    /** @throws IllegalArgumentException when lengths differ or a code is not a level of its scale */
    public Observations(List<String> names, List<Scale> scales, List<double[]> columns) {
        if (names.size() != scales.size() || names.size() != columns.size()) {
            throw new IllegalArgumentException("names, scales and columns differ in number");
        }
        this.names = List.copyOf(names);
        this.scales = scales.toArray(Scale[]::new);
        this.columns = columns.toArray(double[][]::new);
        this.rows = columns.isEmpty() ? 0 : columns.getFirst().length;
        for (int j = 0; j < names.size(); j++) {
            if (index.put(names.get(j), j) != null) {
                throw new IllegalArgumentException("two columns named '" + names.get(j) + "'");
            }
            if (this.columns[j].length != rows) {
                throw new IllegalArgumentException("column '" + names.get(j) + "' has " + this.columns[j].length
                        + " rows, not " + rows);
            }
            checkCodes(names.get(j), this.scales[j], this.columns[j]);
        }
    }

    private static void checkCodes(String name, Scale scale, double[] values) {
        int levels = scale.levelCount();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (scale.isDiscrete() ? !(v >= 0 && v < levels && v == Math.rint(v)) : !Double.isFinite(v)) {
                throw new IllegalArgumentException("'" + name + "' has the value " + v + " in row " + (i + 1)
                        + (scale.isDiscrete() ? ", not a code of its levels " + scale.levels() : ", not a number"));
            }
        }
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return names;
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    public Scale scale(String name) {
        return scales[position(name)];
    }

    /** The stored column: read only. */
    public double[] column(String name) {
        return columns[position(name)];
    }

    public double value(String name, int row) {
        return columns[position(name)][row];
    }

    /** The value as text: the number or the level's label. */
    public String text(String name, int row) {
        int j = position(name);
        return scales[j].label(columns[j][row]);
    }

    /** The mean of a numeric or binary column (for binary, the share of 1s). */
    public double mean(String name) {
        double sum = 0;
        for (double v : column(name)) {
            sum += v;
        }
        return sum / rows;
    }

    /** The same rows with only the named columns, in that order. */
    public Observations select(List<String> selected) {
        List<Scale> selectedScales = new ArrayList<>();
        List<double[]> selectedColumns = new ArrayList<>();
        for (String name : selected) {
            selectedScales.add(scale(name));
            selectedColumns.add(column(name));
        }
        return new Observations(selected, selectedScales, selectedColumns);
    }

    /** These rows with a column replaced, or added when no column has that name. */
    public Observations with(String name, Scale scale, double[] values) {
        List<String> newNames = new ArrayList<>(names);
        List<Scale> newScales = new ArrayList<>(List.of(scales));
        List<double[]> newColumns = new ArrayList<>(List.of(columns));
        Integer j = index.get(name);
        if (j == null) {
            newNames.add(name);
            newScales.add(scale);
            newColumns.add(values);
        } else {
            newScales.set(j, scale);
            newColumns.set(j, values);
        }
        return new Observations(newNames, newScales, newColumns);
    }

    /** The rows with {@code keep[i]} set, in order. */
    public Observations filter(boolean[] keep) {
        int count = 0;
        for (boolean k : keep) {
            count += k ? 1 : 0;
        }
        List<double[]> kept = new ArrayList<>();
        for (double[] column : columns) {
            double[] out = new double[count];
            int at = 0;
            for (int i = 0; i < rows; i++) {
                if (keep[i]) {
                    out[at++] = column[i];
                }
            }
            kept.add(out);
        }
        return new Observations(names, List.of(scales), kept);
    }

    private int position(String name) {
        Integer j = index.get(name);
        if (j == null) {
            throw new IllegalArgumentException("no variable '" + name + "' among " + names);
        }
        return j;
    }

    /** Writes the rows as CSV with a header; levels as their labels, numbers in shortest round-trip form. */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(out);
        }
    }

    public void writeCsv(Writer out) throws IOException {
        out.write(String.join(",", names.stream().map(Observations::quote).toList()));
        out.write('\n');
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            line.setLength(0);
            for (int j = 0; j < columns.length; j++) {
                if (j > 0) {
                    line.append(',');
                }
                double v = columns[j][i];
                if (scales[j].isDiscrete()) {
                    line.append(quote(scales[j].label(v)));
                } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    line.append((long) v);
                } else {
                    line.append(v);
                }
            }
            line.append('\n');
            out.append(line);
        }
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return rows + " rows of " + names;
    }
}
