package org.recausal.engine.policy;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;
import org.recausal.engine.data.Table;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.TableBinding;

/** Reads a {@link PolicyData} from an imported table bound to a graph, with the log's optional columns. */
public final class LoggedData {

    private LoggedData() {
    }

    /**
     * @param userColumn       the column of user ids, or null
     * @param itemColumn       the column of item ids, or null
     * @param propensityColumn the column of logged exposure probabilities, or null
     * @throws ScmException naming a column the table lacks, or the row where a value is missing or no number
     */
    public static PolicyData from(Table table, TableBinding.Bound bound, String userColumn, String itemColumn,
            String propensityColumn) {
        int[] rows = bound.tableRow();
        String[] users = userColumn == null ? null : texts(table, userColumn, rows);
        String[] items = itemColumn == null ? null : texts(table, itemColumn, rows);
        double[] propensities = null;
        if (propensityColumn != null) {
            if (!(column(table, propensityColumn) instanceof NumericColumn numbers)) {
                throw new ScmException("the propensity column " + propensityColumn + " does not hold numbers");
            }
            propensities = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (((Column) numbers).isMissing(rows[i])) {
                    throw new ScmException("the propensity column " + propensityColumn + " has no value in row "
                            + (rows[i] + 1));
                }
                propensities[i] = numbers.asDouble(rows[i]);
            }
        }
        try {
            return new PolicyData(bound.observations(), users, items, propensities, null);
        } catch (IllegalArgumentException e) {
            throw new ScmException(e.getMessage(), e);
        }
    }

    private static Column column(Table table, String name) {
        if (!table.hasColumn(name)) {
            throw new ScmException("the data have no column '" + name + "' (its columns are "
                    + String.join(", ", table.columnNames()) + ")");
        }
        return table.column(name);
    }

    private static String[] texts(Table table, String name, int[] rows) {
        Column column = column(table, name);
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (column.isMissing(rows[i])) {
                throw new ScmException("the id column " + name + " has no value in row " + (rows[i] + 1));
            }
            out[i] = column.text(rows[i]);
        }
        return out;
    }
}
