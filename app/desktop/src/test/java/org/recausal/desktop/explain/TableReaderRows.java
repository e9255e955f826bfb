package org.recausal.desktop.explain;

import java.nio.file.Path;
import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.scm.Observations;

/** A CSV log bound to a graph as the panels bind the project's data. */
final class TableReaderRows {
    private TableReaderRows() {
    }

    static Observations rows(Dag dag, Path csv) {
        return ModelData.bind(dag, new ProjectData(List.of(MappedTable.of(dag, TableReader.read(csv).table(),
                ColumnMapping.automatic())), List.of(), List.of())).observations();
    }
}
