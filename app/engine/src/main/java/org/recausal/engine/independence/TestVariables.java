package org.recausal.engine.independence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recausal.engine.dag.DataType;
import org.recausal.engine.data.BooleanColumn;
import org.recausal.engine.data.CategoricalColumn;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.DataException;
import org.recausal.engine.data.IntegerColumn;
import org.recausal.engine.data.NumericColumn;

/** Reads a table column as a test variable of the kind its node's measurement scale asks for. */
public final class TestVariables {

    /** Whole-number columns with more distinct values than this are not read as categories. */
    public static final int MAX_LEVELS = 1000;

    private TestVariables() {
    }

    /** Whether variables of this scale are tested as categories (otherwise as numbers). */
    public static boolean isDiscrete(DataType type) {
        return type == DataType.BINARY || type == DataType.CATEGORICAL;
    }

    /**
     * The column as a variable named {@code name}: numbers for continuous, count and timestamp nodes; categories
     * for binary and categorical ones.
     *
     * @throws DataException when the column cannot be read that way (text for a continuous node, say)
     */
    public static TestVariable of(String name, Column column, DataType type) {
        if (!isDiscrete(type)) {
            if (column instanceof NumericColumn numbers) {
                return ContinuousVariable.of(name, column, numbers);
            }
            throw new DataException("column '" + column.name() + "' holds "
                    + column.type().name().toLowerCase(java.util.Locale.ROOT) + " values, which cannot be read as "
                    + "numbers for " + type.id() + " variable '" + name + "'");
        }
        return switch (column) {
            case CategoricalColumn labels -> new DiscreteVariable(name, column.size(), labels::code,
                    dictionaryLabels(labels));
            case BooleanColumn booleans -> new DiscreteVariable(name, column.size(),
                    row -> booleans.isMissing(row) ? -1 : booleans.get(row) ? 1 : 0, List.of("false", "true"));
            case IntegerColumn integers -> ofIntegers(name, integers);
            default -> throw new DataException("column '" + column.name() + "' holds "
                    + column.type().name().toLowerCase(java.util.Locale.ROOT) + " values, which cannot be read as "
                    + "categories for " + type.id() + " variable '" + name + "'");
        };
    }

    private static List<String> dictionaryLabels(CategoricalColumn column) {
        List<String> labels = new ArrayList<>(column.dictionary().size());
        for (int code = 0; code < column.dictionary().size(); code++) {
            labels.add(column.dictionary().label(code));
        }
        return labels;
    }

    /** Whole numbers as categories, numbered in increasing order of value. */
    private static DiscreteVariable ofIntegers(String name, IntegerColumn column) {
        long[] distinct = new long[16];
        int count = 0;
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && seen.add(column.get(row))) {
                if (seen.size() > MAX_LEVELS) {
                    throw new DataException("column '" + column.name() + "' holds more than " + MAX_LEVELS
                            + " distinct whole numbers, too many to read as categories for variable '" + name + "'");
                }
                if (count == distinct.length) {
                    distinct = Arrays.copyOf(distinct, count * 2);
                }
                distinct[count++] = column.get(row);
            }
        }
        long[] values = Arrays.copyOf(distinct, count);
        Arrays.sort(values);
        int[] codes = new int[column.size()];
        for (int row = 0; row < codes.length; row++) {
            codes[row] = column.isMissing(row) ? -1 : Arrays.binarySearch(values, column.get(row));
        }
        List<String> labels = Arrays.stream(values).mapToObj(Long::toString).toList();
        return new DiscreteVariable(name, codes.length, row -> codes[row], labels);
    }
}
