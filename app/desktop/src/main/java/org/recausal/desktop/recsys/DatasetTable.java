package org.recausal.desktop.recsys;

import org.recausal.engine.data.Table;

/** A loaded dataset of the project that a recommender can be trained on. */
public record DatasetTable(String id, String name, Table table) {
    @Override
    public String toString() {
        return name + " (" + table.rowCount() + " rows)";
    }
}
