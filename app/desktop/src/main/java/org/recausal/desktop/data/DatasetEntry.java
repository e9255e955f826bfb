package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportReport;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;

/**
 * A dataset as the data views hold it: what it is (id, name, role, where its bytes are, how they are read), its
 * table once loaded, the import report, the column summaries once computed, and the analyst's mapping edits.
 * The columns are known even when the table is not loaded (a moved file), so the mapping can still be shown.
 */
public final class DatasetEntry {

    /** This dataset's {@code key} column matches {@code targetKey} of the dataset with id {@code target}. */
    public record Join(String target, String key, String targetKey) {
    }

    private final String id;
    private final String name;
    private final DatasetRole role;
    private final Storage storage;
    private final ImportOptions options;
    private final Join join;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<List<ColumnInfo>> columns = new ReadOnlyObjectWrapper<>(this, "columns");
    private final ReadOnlyObjectWrapper<List<ColumnSummary>> summaries = new ReadOnlyObjectWrapper<>(this, "summaries");
    private final ObjectProperty<ColumnMapping> mapping = new SimpleObjectProperty<>(this, "mapping",
            ColumnMapping.automatic());
    private final ReadOnlyObjectWrapper<String> unloaded = new ReadOnlyObjectWrapper<>(this, "unloaded");

    /**
     * @param columns the columns as known before the table is loaded (types; distinct counts where counted)
     */
    public DatasetEntry(String id, String name, DatasetRole role, Storage storage, Path file, ImportOptions options,
            Join join, List<ColumnInfo> columns) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.options = Objects.requireNonNull(options, "options");
        this.join = join;
        this.file.set(file);
        this.columns.set(List.copyOf(columns));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DatasetRole role() {
        return role;
    }

    public Storage storage() {
        return storage;
    }

    public ImportOptions options() {
        return options;
    }

    /** The join onto another dataset, or null when it stands alone. */
    public Join join() {
        return join;
    }

    /** The file the data came from (a referenced dataset's data file); may be null for embedded data. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The loaded table, or null while it is not loaded. */
    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public Table table() {
        return table.get();
    }

    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ImportReport report() {
        return report.get();
    }

    public ReadOnlyObjectProperty<List<ColumnInfo>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    public List<ColumnInfo> columns() {
        return columns.get();
    }

    /** Column summaries in column order, or null until they are computed. */
    public ReadOnlyObjectProperty<List<ColumnSummary>> summariesProperty() {
        return summaries.getReadOnlyProperty();
    }

    public ObjectProperty<ColumnMapping> mappingProperty() {
        return mapping;
    }

    public ColumnMapping mapping() {
        return mapping.get();
    }

    /** Why the data are not loaded (missing or changed file), or null when they are or are being loaded. */
    public ReadOnlyObjectProperty<String> unloadedProperty() {
        return unloaded.getReadOnlyProperty();
    }

    public boolean loaded() {
        return table.get() != null;
    }

    /** Puts the loaded table in place, with its report. */
    void load(Table loaded, ImportReport importReport) {
        unloaded.set(null);
        report.set(importReport);
        table.set(loaded);
    }

    /** The summaries and the counted column facts, computed off the UI thread. */
    void summarised(List<ColumnSummary> columnSummaries, List<ColumnInfo> counted) {
        summaries.set(List.copyOf(columnSummaries));
        columns.set(List.copyOf(counted));
    }

    /** Marks the data as not loaded and says why; nothing of a changed file is kept. */
    void unload(String reason) {
        table.set(null);
        summaries.set(null);
        unloaded.set(reason);
    }

    @Override
    public String toString() {
        return name;
    }
}
