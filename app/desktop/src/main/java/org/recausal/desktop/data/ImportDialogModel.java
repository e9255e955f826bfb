package org.recausal.desktop.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.DataImportException;
import org.recausal.engine.data.Delimiter;
import org.recausal.engine.data.Dialect;
import org.recausal.engine.data.HeaderMode;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.data.ImportReport;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.ProblemKind;
import org.recausal.engine.data.ProblemPolicy;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.NameKey;
import org.recausal.engine.project.DatasetSource;

/**
 * The import dialog's state: the file, the reading options (each detected until the analyst fixes it), a live
 * preview of the first rows that is read again off the UI thread whenever an option changes, the problem policies,
 * the table's role and join, embed or refer, and then the import itself as a cancellable task whose report lists
 * the problems with their line numbers.
 */
public final class ImportDialogModel {

    /** Rows read for the preview. */
    public static final int PREVIEW_ROWS = 200;

    /** A table an attribute table can be joined onto, with its columns. */
    public record JoinTarget(String id, String name, List<String> columns) {
        public JoinTarget {
            columns = List.copyOf(columns);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A column as the preview read it.
     *
     * @param detected the type the reader infers for it
     * @param chosen   the analyst's type, or null to keep the detected one
     */
    public record PreviewColumn(String name, ColumnType detected, ColumnType chosen) {
        public ColumnType effective() {
            return chosen == null ? detected : chosen;
        }
    }

    /**
     * A finished import, ready to attach to the project.
     *
     * @param source  where the project will find the bytes, with their size and SHA-256
     * @param columns the columns with their types and counted distinct values
     * @param join    how the rows join another table; null when it stands alone
     */
    public record Imported(Path file, String name, DatasetRole role, DatasetSource source, ImportOptions options,
            ImportResult result, List<ColumnInfo> columns, Join join) {
        public Imported {
            columns = List.copyOf(columns);
        }
    }

    /** This table's {@code key} column matches {@code targetKey} of table {@code target}. */
    public record Join(JoinTarget target, String key, String targetKey) {
    }

    private final ProgressTask previewTask;
    private final ProgressTask importTask;
    private final List<JoinTarget> joinTargets;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(this, "delimiter", Delimiter.AUTO);
    private final ObjectProperty<HeaderMode> header = new SimpleObjectProperty<>(this, "header", HeaderMode.AUTO);
    private final Map<ProblemKind, ObjectProperty<ProblemPolicy>> policies = new EnumMap<>(ProblemKind.class);
    private final ObjectProperty<DatasetRole> role = new SimpleObjectProperty<>(this, "role", DatasetRole.INTERACTIONS);
    private final ObjectProperty<Storage> storage = new SimpleObjectProperty<>(this, "storage", Storage.EMBED);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<JoinTarget> joinTarget = new SimpleObjectProperty<>(this, "joinTarget");
    private final StringProperty joinKey = new SimpleStringProperty(this, "joinKey");
    private final StringProperty joinTargetKey = new SimpleStringProperty(this, "joinTargetKey");

    private final Map<String, ColumnType> overrides = new LinkedHashMap<>();
    /** Types the reader inferred, remembered while a column's type is overridden so "detected" can still be shown. */
    private final Map<String, ColumnType> inferred = new HashMap<>();

    private final ReadOnlyObjectWrapper<ImportResult> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper(this, "previewError", "");
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper(this, "detected", "");
    private final ReadOnlyStringWrapper encoding = new ReadOnlyStringWrapper(this, "encoding", "");
    private final ReadOnlyStringWrapper encodingWarning = new ReadOnlyStringWrapper(this, "encodingWarning", "");
    private final ObservableList<PreviewColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<PreviewColumn> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper(this, "problemSummary", "");
    private final ReadOnlyObjectWrapper<Imported> imported = new ReadOnlyObjectWrapper<>(this, "imported");
    private final ReadOnlyStringWrapper importError = new ReadOnlyStringWrapper(this, "importError", "");
    private final ReadOnlyBooleanWrapper previewReady = new ReadOnlyBooleanWrapper(this, "previewReady");
    private final BooleanBinding canImport;
    /** Set while options are changed together, so they cause one preview rather than one each. */
    private boolean batching;

    public ImportDialogModel(ProgressTask previewTask, ProgressTask importTask, List<JoinTarget> joinTargets) {
        this.previewTask = Objects.requireNonNull(previewTask, "previewTask");
        this.importTask = Objects.requireNonNull(importTask, "importTask");
        this.joinTargets = List.copyOf(joinTargets);
        ImportOptions defaults = ImportOptions.defaults();
        for (ProblemKind kind : ProblemKind.values()) {
            ObjectProperty<ProblemPolicy> policy = new SimpleObjectProperty<>(this, kind.name(), defaults.policy(kind));
            policy.addListener((_, _, _) -> optionsChanged());
            policies.put(kind, policy);
        }
        file.addListener((_, _, now) -> fileChanged(now));
        delimiter.addListener((_, _, _) -> layoutChanged());
        header.addListener((_, _, _) -> layoutChanged());
        role.addListener((_, _, now) -> guessJoin(now));
        joinTarget.addListener((_, _, _) -> guessJoinKeys());
        canImport = Bindings.createBooleanBinding(this::importable, previewReady, importTask.runningProperty(), name,
                role, joinTarget, joinKey, joinTargetKey);
    }

    // ---------------------------------------------------------------- commands

    /** Overrides a column's type; null goes back to the detected type. Reads the preview again. */
    public void setColumnType(String column, ColumnType type) {
        if (type == null) {
            overrides.remove(column);
        } else {
            overrides.put(column, type);
        }
        optionsChanged();
    }

    /** The options the choices stand for, as the import will use them. */
    public ImportOptions options() {
        ImportOptions options = ImportOptions.defaults().withDelimiter(delimiter.get()).withHeader(header.get());
        for (Map.Entry<String, ColumnType> override : overrides.entrySet()) {
            options = options.withColumnType(override.getKey(), override.getValue());
        }
        for (ProblemKind kind : ProblemKind.values()) {
            options = options.withPolicy(kind, policies.get(kind).get());
        }
        return options;
    }

    /** Reads the whole file with the chosen options in the background; {@link #importedProperty()} gets the result. */
    public void startImport() {
        if (!canImport.get()) {
            return;
        }
        Path source = file.get();
        ImportOptions options = options();
        String tableName = name.get().trim();
        DatasetRole chosenRole = role.get();
        Storage chosenStorage = storage.get();
        Join join = join();
        importError.set("");
        imported.set(null);
        importTask.start("Importing " + source.getFileName(), (progress, cancel) -> {
            ImportResult result = TableReader.read(source, options, progress, cancel);
            progress.progress(1, "Taking the fingerprint of " + source.getFileName());
            // The project keeps size and SHA-256, so data that change later are noticed, never silently used.
            DatasetSource where = chosenStorage == Storage.EMBED ? DatasetSource.embed(source)
                    : DatasetSource.reference(source);
            cancel.throwIfCancelled();
            return new Imported(source, tableName, chosenRole, where, options, result,
                    ColumnInfo.of(result.table()), join);
        }, done -> {
            showReport(done.result().report(), true);
            imported.set(done);
        },
                failure -> importError.set(importFailure(failure)),
                () -> importError.set("Import cancelled; nothing was added."));
    }

    public void cancelImport() {
        importTask.cancel();
    }

    /** Stops any preview or import still running, when the dialog closes. */
    public void dispose() {
        previewTask.cancel();
        importTask.cancel();
    }

    /** Changes several options at once with a single preview afterwards. */
    public void batch(Runnable changes) {
        batching = true;
        try {
            changes.run();
        } finally {
            batching = false;
        }
        optionsChanged();
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<Delimiter> delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<HeaderMode> headerProperty() {
        return header;
    }

    public ObjectProperty<ProblemPolicy> policyProperty(ProblemKind kind) {
        return policies.get(kind);
    }

    public ObjectProperty<DatasetRole> roleProperty() {
        return role;
    }

    public ObjectProperty<Storage> storageProperty() {
        return storage;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Tables this one can be joined onto; empty when the project has none yet. */
    public List<JoinTarget> joinTargets() {
        return joinTargets;
    }

    public ObjectProperty<JoinTarget> joinTargetProperty() {
        return joinTarget;
    }

    /** The key column of this table. */
    public StringProperty joinKeyProperty() {
        return joinKey;
    }

    /** The column of the join target that holds the same keys. */
    public StringProperty joinTargetKeyProperty() {
        return joinTargetKey;
    }

    /** The first rows, as the chosen options read them; null before the first preview and after a failed one. */
    public ReadOnlyObjectProperty<ImportResult> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the file cannot be read with these options, or empty. */
    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    /** What was detected, e.g. "comma-separated, first row is a header". */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    /** Advice when the bytes are not UTF-8, else empty. */
    public ReadOnlyStringProperty encodingWarningProperty() {
        return encodingWarning.getReadOnlyProperty();
    }

    public ObservableList<PreviewColumn> getColumns() {
        return columnsView;
    }

    /** The first problems of each kind, in line order: from the preview, then from the import. */
    public ObservableList<ImportProblem> getProblems() {
        return problemsView;
    }

    /** Counts of problems by kind with what the policy does with them. */
    public ReadOnlyStringProperty problemSummaryProperty() {
        return problemSummary.getReadOnlyProperty();
    }

    public ProgressTask previewTask() {
        return previewTask;
    }

    public ProgressTask importTask() {
        return importTask;
    }

    /** The finished import; null until one succeeds. */
    public ReadOnlyObjectProperty<Imported> importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** Why the import stopped (with the line where a problem stopped it), or empty. */
    public ReadOnlyStringProperty importErrorProperty() {
        return importError.getReadOnlyProperty();
    }

    public BooleanBinding canImportBinding() {
        return canImport;
    }

    public ReadOnlyBooleanProperty previewReadyProperty() {
        return previewReady.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- internals

    private record PreviewOutcome(TextEncoding encoding, ImportResult result, String failure) {
    }

    private void fileChanged(Path now) {
        batch(() -> {
            overrides.clear();
            inferred.clear();
            if (now != null) {
                String fileName = now.getFileName().toString();
                name.set(TableReader.tableName(fileName));
                role.set(DatasetRole.guess(fileName));
                storage.set(Storage.suggestedFor(sizeOf(now)));
            }
        });
    }

    /** A new delimiter or header choice names the columns anew, so type choices made for the old names go. */
    private void layoutChanged() {
        overrides.clear();
        inferred.clear();
        optionsChanged();
    }

    private void optionsChanged() {
        if (batching) {
            return;
        }
        imported.set(null);
        importError.set("");
        Path source = file.get();
        if (source == null) {
            return;
        }
        // A preview never stops: it shows the rows and lists the problem the import would stop at.
        ImportOptions options = options();
        for (ProblemKind kind : ProblemKind.values()) {
            if (options.policy(kind) == ProblemPolicy.STOP) {
                options = options.withPolicy(kind, ProblemPolicy.TREAT_AS_MISSING);
            }
        }
        ImportOptions previewOptions = options;
        previewReady.set(false);
        previewTask.start("Reading the first rows of " + source.getFileName(), (_, cancel) -> {
            TextEncoding bytes = TextEncoding.of(source);
            try {
                return new PreviewOutcome(bytes, TableReader.preview(source, previewOptions, PREVIEW_ROWS, cancel),
                        null);
            } catch (DataImportException e) {
                return new PreviewOutcome(bytes, null, e.getMessage());
            }
        }, this::showPreview, failure -> showPreview(new PreviewOutcome(null, null, readFailure(source, failure))),
                () -> { });
    }

    private void showPreview(PreviewOutcome outcome) {
        TextEncoding bytes = outcome.encoding();
        encoding.set(bytes == null ? "" : bytes.description());
        encodingWarning.set(bytes == null ? "" : bytes.warning());
        if (outcome.result() == null) {
            preview.set(null);
            previewError.set(outcome.failure());
            detected.set("");
            columns.clear();
            problems.clear();
            problemSummary.set("");
            return;
        }
        ImportReport report = outcome.result().report();
        previewError.set("");
        detected.set(describe(report.dialect()));
        List<PreviewColumn> read = new ArrayList<>();
        report.columnTypes().forEach((column, type) -> {
            ColumnType chosen = overrides.get(column);
            if (chosen == null) {
                inferred.put(column, type);
            }
            read.add(new PreviewColumn(column, inferred.getOrDefault(column, type), chosen));
        });
        columns.setAll(read);
        preview.set(outcome.result());
        showReport(report, false);
        previewReady.set(true);
        guessJoinKeys();
    }

    private void showReport(ImportReport report, boolean full) {
        problems.setAll(ImportSummary.problems(report));
        problemSummary.set(ImportSummary.text(report, options(), full));
    }

    private static String describe(Dialect dialect) {
        String separator = switch (dialect.delimiter()) {
            case AUTO -> "?";
            case COMMA -> "comma-separated";
            case TAB -> "tab-separated";
            case SEMICOLON -> "semicolon-separated";
            case PIPE -> "pipe-separated";
            case SPACE -> "space-separated";
        };
        return separator + ", " + (dialect.header() ? "first row is a header" : "no header row");
    }

    private String importFailure(Exception failure) {
        if (failure instanceof DataImportException e && e.line() > 0) {
            return e.getMessage() + ". Choose \u201cdrop the row\u201d or \u201ckeep as missing\u201d for this kind "
                    + "of problem to import the rest.";
        }
        return readFailure(file.get(), failure);
    }

    private static String readFailure(Path source, Exception failure) {
        String message = failure.getMessage();
        if (failure instanceof java.nio.file.NoSuchFileException) {
            message = "the file does not exist";
        } else if (failure instanceof java.nio.file.AccessDeniedException) {
            message = "permission denied";
        } else if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return failure instanceof DataImportException ? message
                : "Cannot read " + (source == null ? "the file" : source.getFileName()) + ": " + message;
    }

    private boolean importable() {
        if (!previewReady.get() || importTask.isRunning() || name.get() == null || name.get().isBlank()) {
            return false;
        }
        return !role.get().joined() || joinTargets.isEmpty() || join() != null;
    }

    private Join join() {
        JoinTarget target = joinTarget.get();
        if (!role.get().joined() || target == null || joinKey.get() == null || joinTargetKey.get() == null) {
            return null;
        }
        return new Join(target, joinKey.get(), joinTargetKey.get());
    }

    private void guessJoin(DatasetRole now) {
        if (now.joined() && joinTarget.get() == null && !joinTargets.isEmpty()) {
            joinTarget.set(joinTargets.getFirst());
        }
        guessJoinKeys();
    }

    /** Picks key columns named after the role (user, item) on both sides, same names first. */
    private void guessJoinKeys() {
        JoinTarget target = joinTarget.get();
        if (!role.get().joined() || target == null || columns.isEmpty()) {
            return;
        }
        List<String> here = columns.stream().map(PreviewColumn::name).toList();
        if (joinKey.get() == null || !here.contains(joinKey.get())) {
            joinKey.set(keyColumn(here, target.columns()).orElse(here.getFirst()));
        }
        if (joinTargetKey.get() == null || !target.columns().contains(joinTargetKey.get())) {
            String key = joinKey.get();
            joinTargetKey.set(target.columns().contains(key) ? key
                    : keyColumn(target.columns(), here).orElse(target.columns().getFirst()));
        }
    }

    /** A column of {@code names} that reads like this role's key, preferring one the other side has too. */
    private Optional<String> keyColumn(List<String> names, List<String> otherSide) {
        String word = role.get().keyWord();
        List<String> candidates = names.stream().filter(n -> NameKey.of(n).contains(word)).toList();
        return candidates.stream().filter(otherSide::contains).findFirst().or(() -> candidates.stream().findFirst());
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The preview's table, or null. */
    Table previewTable() {
        ImportResult result = preview.get();
        return result == null ? null : result.table();
    }
}
