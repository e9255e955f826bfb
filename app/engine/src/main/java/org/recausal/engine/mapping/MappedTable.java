package org.recausal.engine.mapping;

import java.util.Objects;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;

/** A table of data and which of its columns stand for which nodes of the graph. */
public record MappedTable(Table table, ResolvedMapping mapping) {

    public MappedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mapping, "mapping");
    }

    /** Resolves the mapping against the table's columns (counting distinct values where types need it). */
    public static MappedTable of(Dag dag, Table table, ColumnMapping mapping) {
        return new MappedTable(table, MappingResolver.resolve(dag, ColumnInfo.of(table), mapping));
    }

    public String name() {
        return table.name();
    }
}
