package org.recausal.engine.scm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.BooleanColumn;
import org.recausal.engine.data.CategoricalColumn;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;
import org.recausal.engine.data.Table;
import org.recausal.engine.model.Scale;

/**
 * Binds an imported table to a graph: each observed variable reads the column of the same name (exactly, or
 * else the one column whose name differs only in case), with a scale from the column's type and the variable's
 * data type. Rows missing a value in any bound column are left out and counted.
 */
public final class TableBinding {

    /** More levels than this make a variable unusable as a category (it is likely an id). */
    public static final int MAX_LEVELS = 100;

    /**
     * The bound data, how many rows the table had and how many were left out for missing values;
     * {@code tableRow[i]} is the table row (0-based) that became row i.
     */
    public record Bound(Observations observations, int tableRows, int droppedRows, int[] tableRow) {

        /** The bound row of a table row (0-based), or -1 when that row was left out for a missing value. */
        public int rowOf(int row) {
            int found = java.util.Arrays.binarySearch(tableRow, row);
            return found >= 0 ? found : -1;
        }

        /**
         * The bound row of a data row as analysts count them (1 is the first row after the header), for a question
         * about that unit.
         *
         * @throws ScmException when the data have no such row, or it was left out for a missing value
         */
        public int rowOfDataRow(int row) {
            if (row < 1 || row > tableRows) {
                throw new ScmException("row " + row + " does not exist: the data have " + tableRows + " rows");
            }
            int at = rowOf(row - 1);
            if (at < 0) {
                throw new ScmException("row " + row + " misses a value of a variable in the graph, so it has no"
                        + " counterfactual");
            }
            return at;
        }
    }

    private TableBinding() {
    }

    /** @throws ScmException naming the variables without a column or the column that does not fit its variable */
    public static Bound bind(Dag dag, Table table) {
        List<Variable> variables = dag.variables().stream().filter(v -> v.role() != Role.LATENT).toList();
        List<Column> columns = new ArrayList<>();
        List<String> unbound = new ArrayList<>();
        for (Variable variable : variables) {
            Optional<Column> column = find(table, variable.name());
            column.ifPresentOrElse(columns::add, () -> unbound.add(variable.name()));
        }
        if (!unbound.isEmpty()) {
            throw new ScmException("the data have no column for " + String.join(", ", unbound) + " (its columns are "
                    + String.join(", ", table.columnNames()) + "); rename a column or mark the variable latent");
        }
        int rows = table.rowCount();
        boolean[] complete = new boolean[rows];
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            boolean ok = true;
            for (Column column : columns) {
                ok &= !column.isMissing(i);
            }
            complete[i] = ok;
            kept += ok ? 1 : 0;
        }
        if (kept == 0) {
            throw new ScmException("no row of the data has a value for every variable of the graph");
        }
        List<String> names = new ArrayList<>();
        List<Scale> scales = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int j = 0; j < variables.size(); j++) {
            Variable variable = variables.get(j);
            Column column = columns.get(j);
            double[] out = new double[kept];
            names.add(variable.name());
            scales.add(read(variable, column, complete, out));
            values.add(out);
        }
        int[] tableRow = new int[kept];
        for (int i = 0, at = 0; i < rows; i++) {
            if (complete[i]) {
                tableRow[at++] = i;
            }
        }
        return new Bound(new Observations(names, scales, values), rows, rows - kept, tableRow);
    }

    private static Optional<Column> find(Table table, String name) {
        if (table.hasColumn(name)) {
            return Optional.of(table.column(name));
        }
        List<String> similar = table.columnNames().stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).toList();
        return similar.size() == 1 ? Optional.of(table.column(similar.getFirst())) : Optional.empty();
    }

    private static Scale read(Variable variable, Column column, boolean[] complete, double[] out) {
        String name = variable.name();
        DataType type = variable.type();
        return switch (column) {
            case BooleanColumn booleans -> {
                copy(complete, out, booleans::asDouble);
                yield Scale.binary("false", "true");
            }
            case CategoricalColumn labels -> {
                boolean[] used = new boolean[labels.dictionary().size()];
                for (int i = 0; i < complete.length; i++) {
                    if (complete[i]) {
                        used[labels.code(i)] = true;
                    }
                }
                TreeSet<String> seen = new TreeSet<>(LEVEL_ORDER);
                for (int code = 0; code < used.length; code++) {
                    if (used[code]) {
                        seen.add(labels.dictionary().label(code));
                    }
                }
                if (seen.size() > MAX_LEVELS) {
                    throw new ScmException(tooMany(name, column));
                }
                List<String> levels = List.copyOf(seen);
                int[] level = new int[used.length];
                for (int code = 0; code < used.length; code++) {
                    level[code] = used[code] ? levels.indexOf(labels.dictionary().label(code)) : -1;
                }
                copy(complete, out, i -> level[labels.code(i)]);
                yield scaleOf(name, type, levels);
            }
            case NumericColumn numbers when type == DataType.BINARY -> {
                copy(complete, out, i -> {
                    double v = numbers.asDouble(i);
                    if (v != 0 && v != 1) {
                        throw new ScmException(name + " is binary in the graph, but its column holds " + column.text(i)
                                + " in data row " + (i + 1) + " (expected 0 or 1)");
                    }
                    return v;
                });
                yield Scale.binary();
            }
            case NumericColumn numbers when type == DataType.CATEGORICAL -> {
                TreeSet<Double> seen = new TreeSet<>();
                for (int i = 0; i < complete.length; i++) {
                    if (complete[i]) {
                        seen.add(numbers.asDouble(i));
                        if (seen.size() > MAX_LEVELS) {
                            throw new ScmException(tooMany(name, column));
                        }
                    }
                }
                List<Double> values = List.copyOf(seen);
                java.util.Map<Double, Integer> level = new java.util.HashMap<>();
                for (int k = 0; k < values.size(); k++) {
                    level.put(values.get(k), k);
                }
                copy(complete, out, i -> level.get(numbers.asDouble(i)));
                yield scaleOf(name, type, values.stream().map(TableBinding::numberLabel).toList());
            }
            case NumericColumn numbers -> {
                copy(complete, out, numbers::asDouble);
                yield Scale.numeric();
            }
            default -> throw new ScmException("column " + column.name() + " of type "
                    + column.type().name().toLowerCase(Locale.ROOT) + " cannot feed " + name);
        };
    }

    private static Scale scaleOf(String name, DataType type, List<String> levels) {
        if (levels.size() == 2) {
            return Scale.binary(levels.get(0), levels.get(1));
        }
        if (type == DataType.BINARY) {
            throw new ScmException(name + " is binary in the graph, but its column has " + levels.size()
                    + " different values: " + levels);
        }
        return Scale.categorical(levels);
    }

    private static String tooMany(String name, Column column) {
        return "column " + column.name() + " has more than " + MAX_LEVELS + " different values, too many for "
                + name + " to be a category (is it an id?); make it numeric or leave it out of the graph";
    }

    private static String numberLabel(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Numbers in numeric order, other labels alphabetically after them. */
    private static final Comparator<String> LEVEL_ORDER = (a, b) -> {
        Double x = asNumber(a);
        Double y = asNumber(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static Double asNumber(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private interface RowValue {
        double at(int row);
    }

    private static void copy(boolean[] complete, double[] out, RowValue value) {
        int at = 0;
        for (int i = 0; i < complete.length; i++) {
            if (complete[i]) {
                out[at++] = value.at(i);
            }
        }
    }
}
