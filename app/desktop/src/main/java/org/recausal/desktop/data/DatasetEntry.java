package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ImportReport;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.project.DataBytes;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.DatasetJoin;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.project.Project;

/**
 * A project dataset as the data views hold it: the project's {@link Dataset} record (what it is, where its bytes
 * are, how they are read, the mapping edits), its table once loaded and checked, the import report, and the column
 * summaries once computed. The columns are known from the record even while the table is not loaded (a moved
 * file), so the mapping can still be shown.
 */
public final class DatasetEntry {

    private final Project project;
    private final String id;
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<List<ColumnSummary>> summaries = new ReadOnlyObjectWrapper<>(this, "summaries");
    private final ReadOnlyObjectWrapper<String> unloaded = new ReadOnlyObjectWrapper<>(this, "unloaded");

    /** The dataset {@code id} of {@code project}, which must hold it. */
    public DatasetEntry(Project project, String id) {
        this.project = Objects.requireNonNull(project, "project");
        this.id = Objects.requireNonNull(id, "id");
        this.dataset.set(project.dataset(id).orElseThrow(
                () -> new IllegalArgumentException("the project has no dataset '" + id + "'")));
    }

    /** The record as the views last saw it; changes with every edit made through the data panel. */
    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /**
     * The project's current record of this dataset (what it is, where its bytes are, how they are read, the mapping
     * edits). Read from the project each time, so a save that moves embedded data into the project file is seen.
     */
    public Dataset dataset() {
        return project.dataset(id).orElse(dataset.get());
    }

    public String id() {
        return id;
    }

    public String name() {
        return dataset().name();
    }

    /** How its rows join another dataset's, or null when it stands alone. */
    public DatasetJoin join() {
        return dataset().join();
    }

    public boolean embedded() {
        return dataset().embedded();
    }

    /** The file its bytes come from: the referenced file, or the file an embedded dataset was attached from. */
    public Path file() {
        return switch (dataset().source()) {
            case DatasetSource.Referenced referenced -> referenced.file();
            case DatasetSource.Embedded embedded -> embedded.bytes() instanceof DataBytes.OfFile of ? of.file() : null;
        };
    }

    /** The columns as the project knows them (types, distinct counts where counted). */
    public List<ColumnInfo> columns() {
        return dataset().columns();
    }

    public ColumnMapping mapping() {
        return dataset().mapping();
    }

    /** The loaded table, or null while it is not loaded. */
    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public Table table() {
        return table.get();
    }

    public ImportReport report() {
        return report.get();
    }

    /** Column summaries in column order, or null until they are computed. */
    public ReadOnlyObjectProperty<List<ColumnSummary>> summariesProperty() {
        return summaries.getReadOnlyProperty();
    }

    /** Why the data are not loaded (a missing or changed file the analyst did not relink), or null. */
    public ReadOnlyObjectProperty<String> unloadedProperty() {
        return unloaded.getReadOnlyProperty();
    }

    public boolean loaded() {
        return table.get() != null;
    }

    /** Puts a new record of the dataset (same id) in the project. */
    void update(Dataset updated) {
        if (!updated.id().equals(id)) {
            throw new IllegalArgumentException("dataset '" + id + "' cannot become '" + updated.id() + "'");
        }
        project.replaceDataset(updated);
        dataset.set(updated);
    }

    /** Puts the loaded (and checked) table in place, with its report. */
    void load(Table loaded, ImportReport importReport) {
        unloaded.set(null);
        report.set(importReport);
        table.set(loaded);
    }

    void summarised(List<ColumnSummary> columnSummaries) {
        summaries.set(List.copyOf(columnSummaries));
    }

    /** Marks the data as not loaded and says why; nothing of a changed file is kept. */
    void unload(String reason) {
        table.set(null);
        report.set(null);
        summaries.set(null);
        unloaded.set(reason);
    }

    @Override
    public String toString() {
        return name();
    }
}
