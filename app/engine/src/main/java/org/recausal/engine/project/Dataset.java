package org.recausal.engine.project;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;

/**
 * A table of data attached to a project: where its bytes are, how they are read, the columns found when it was
 * attached, which columns stand for which nodes, and (optionally) how its rows join another dataset's.
 *
 * @param id      unique in the project; letters, digits, '_', '-' and '.', as it names parts of the project file
 * @param name    what the analyst calls it
 * @param columns the columns and types found when it was attached, so the mapping can be shown without reading
 *                the data
 * @param join    how its rows attach to another dataset's, or null when it stands alone
 */
public record Dataset(String id, String name, DatasetSource source, ImportOptions options, List<ColumnInfo> columns,
        ColumnMapping mapping, DatasetJoin join) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public Dataset {
        String problem = idProblem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        columns = List.copyOf(columns);
        Objects.requireNonNull(mapping, "mapping");
        if (join != null && join.dataset().equals(id)) {
            throw new IllegalArgumentException("dataset '" + id + "' cannot join itself");
        }
    }

    /** Why {@code id} cannot name a dataset, or null when it can. */
    public static String idProblem(String id) {
        if (id == null || !ID.matcher(id).matches() || id.endsWith(".")) {
            return "a dataset id is 1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit, not "
                    + (id == null ? "null" : "'" + id + "'");
        }
        return null;
    }

    /** An id made from a file name: {@code Ratings 2024.csv.gz} becomes {@code Ratings_2024}. */
    public static String idFor(String fileName) {
        String base = org.recausal.engine.data.TableReader.tableName(fileName).replaceAll("[^A-Za-z0-9_.-]+", "_")
                .replaceAll("^[^A-Za-z0-9]+", "").replaceAll("\\.+$", "");
        base = base.length() > 64 ? base.substring(0, 64) : base;
        return base.isEmpty() ? "data" : base;
    }

    public Dataset withSource(DatasetSource newSource) {
        return new Dataset(id, name, newSource, options, columns, mapping, join);
    }

    public Dataset withMapping(ColumnMapping newMapping) {
        return new Dataset(id, name, source, options, columns, newMapping, join);
    }

    public Dataset withColumns(List<ColumnInfo> newColumns) {
        return new Dataset(id, name, source, options, newColumns, mapping, join);
    }

    public Dataset withJoin(DatasetJoin newJoin) {
        return new Dataset(id, name, source, options, columns, mapping, newJoin);
    }

    public boolean embedded() {
        return source instanceof DatasetSource.Embedded;
    }
}
