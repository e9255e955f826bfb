package org.recausal.desktop.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.recausal.desktop.data.ProgressTask;
import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.explain.AttentionAggregate;
import org.recausal.engine.explain.ExplainOptions;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.HistoryItem;
import org.recausal.engine.explain.ProjectHistories;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.task.CancellationToken;

/**
 * The Explain panel's state: a trained recommender opened from its model file, the user being looked at, their
 * top-K recommendations, and why the model recommends the picked one: SASRec's attention over the user's history,
 * Shapley attributions, the smallest counterfactual, faithfulness checks and a summary ({@link Explainer}). The
 * history item picked in any view is highlighted in all of them. Work runs in one cancellable
 * {@link ProgressTask}: a newer request (another user, another K) cancels the one still running.
 */
public final class ExplainModel {

    /**
     * A model as opened, with its explainer (null for models without a history to explain).
     * @param folder where its file is, for the next file chooser; null for a model kept in the project
     * @param data   the project data it was trained on (times, item names and categories); null when unknown
     */
    public record Loaded(String name, Path folder, StoredModel model, Explainer explainer, ProjectHistories data) {
        static Loaded of(String name, Path folder, StoredModel model) {
            return new Loaded(name, folder, model, StoredModel.SASREC.equals(model.kind()) ? new Explainer(model) : null,
                    null);
        }

        /** A project's model, with the times and items of the project data it was trained on where they are. */
        static Loaded of(Project project, StoredRecommender recommender, CancellationToken cancel) {
            StoredModel model = recommender.model();
            if (project == null || !StoredModel.SASREC.equals(model.kind())) {
                return of(recommender.name(), null, model);
            }
            ProjectHistories data = ProjectHistories.load(project, recommender, cancel).orElse(null);
            return new Loaded(recommender.name(), null, model, data == null ? new Explainer(model)
                    : data.explainer(model, Parallel.defaultThreads()), data);
        }
    }

    static final int DEFAULT_K = 10;
    static final int AGGREGATE_USERS = 1000;
    /** Item pairs listed in the view across users, and how often a pair must occur to be listed. */
    static final int TOP_PAIRS = 40;
    static final int MIN_PAIR_COUNT = 5;

    private final DialogService dialogs;
    private final ProgressTask task;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final ObservableList<StoredRecommender> projectModels = FXCollections.observableArrayList();
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    private final ObservableList<String> categoryColumns = FXCollections.observableArrayList();
    private final StringProperty categoryColumn = new SimpleStringProperty(this, "categoryColumn");
    private final ReadOnlyObjectWrapper<HistoryLabels> labels = new ReadOnlyObjectWrapper<>(this, "labels",
            HistoryLabels.NONE);
    private final FilteredList<String> matchingUsers = new FilteredList<>(users);
    private final StringProperty userQuery = new SimpleStringProperty(this, "userQuery", "");
    private final StringProperty user = new SimpleStringProperty(this, "user");
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", DEFAULT_K);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ObservableList<RecommendationRow> recommendations = FXCollections.observableArrayList();
    private final ObjectProperty<RecommendationRow> recommendation = new SimpleObjectProperty<>(this, "recommendation");
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AttentionGrid> attention = new ReadOnlyObjectWrapper<>(this, "attention");
    private final IntegerProperty highlighted = new SimpleIntegerProperty(this, "highlighted", -1);
    private final IntegerProperty aggregateUsers = new SimpleIntegerProperty(this, "aggregateUsers", AGGREGATE_USERS);
    private final ReadOnlyObjectWrapper<AttentionAggregate> aggregate = new ReadOnlyObjectWrapper<>(this, "aggregate");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Open a trained recommender (a model file from ./recausal train) to explain its recommendations.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param executor runs the work off the UI thread
     * @param uiThread hands progress to the UI thread ({@code Platform::runLater} in the app)
     */
    public ExplainModel(DialogService dialogs, TaskExecutor executor, Executor uiThread) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.task = new ProgressTask(executor, uiThread);
        userQuery.addListener((_, _, query) -> {
            String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
            matchingUsers.setPredicate(wanted.isEmpty() ? null : id -> id.toLowerCase(Locale.ROOT).contains(wanted));
        });
        user.addListener((_, _, _) -> recommend());
        k.addListener((_, _, _) -> recommend());
        recommendation.addListener((_, _, picked) -> explainPicked(picked));
        categoryColumn.addListener((_, _, column) -> relabel(column));
    }

    /** Asks for a model file, then opens it. */
    public void openModel() {
        Loaded current = loaded.get();
        dialogs.chooseModelToOpen(current == null ? null : current.folder()).ifPresent(this::open);
    }

    /**
     * Reads a model file in the background, then explains the user picked before if the model knows them, else the
     * first user with a history.
     */
    public void open(Path file) {
        start("Opening " + file.getFileName(), (progress, cancel) -> Loaded.of(file.getFileName().toString(),
                file.toAbsolutePath().getParent(), ModelFile.read(file)), this::opened);
    }

    /** Explains a recommender kept in the project. */
    public void use(StoredRecommender recommender) {
        Project where = project.get();
        start("Opening " + recommender.name(), (progress, cancel) -> Loaded.of(where, recommender, cancel),
                this::opened);
    }

    private void opened(Loaded done) {
        loaded.set(done);
        aggregate.set(null);
        // The views are empty until the new model's explanation comes, so they never mix two models.
        show(null, done);
        List<String> columns = done.data() == null ? List.of() : done.data().categoryColumns();
        categoryColumns.setAll(columns);
        String category = columns.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains("categ")).findFirst()
                .orElse(columns.isEmpty() ? null : columns.getFirst());
        if (Objects.equals(category, categoryColumn.get())) {
            relabel(category);
        } else {
            categoryColumn.set(category);
        }
        StoredModel model = done.model();
        List<String> ids = new ArrayList<>(model.users().ids());
        users.setAll(ids);
        status.set(String.format(Locale.ROOT, "%s: %s, %,d users, %,d items.", done.name(), kindName(model),
                model.users().size(), model.items().size()));
        String wanted = user.get();
        if (wanted != null && model.users().indexOf(wanted) >= 0) {
            recommend();
            return;
        }
        String first = null;
        for (int u = 0; u < model.histories().length && first == null; u++) {
            if (model.histories()[u].length > 0) {
                first = model.users().id(u);
            }
        }
        user.set(first);
    }

    /** Recommends the user's top K in the background, shows them, then explains the first. */
    public void recommend() {
        Loaded current = loaded.get();
        String who = user.get();
        if (current == null || who == null) {
            return;
        }
        int count = k.get();
        start("Recommending for " + who, (progress, cancel) -> {
            List<RecommendationRow> rows = new ArrayList<>();
            int rank = 1;
            for (StoredModel.Recommendation r : current.model().recommend(who, count)) {
                rows.add(new RecommendationRow(rank++, r.item(), r.score()));
            }
            return rows;
        }, rows -> {
            show(null, current);
            recommendations.setAll(rows);
            // Through null, so that the first row is explained even when it equals the row picked before.
            recommendation.set(null);
            recommendation.set(rows.isEmpty() ? null : rows.getFirst());
        });
    }

    /** Explains the picked recommendation unless it is the one shown. */
    private void explainPicked(RecommendationRow picked) {
        Loaded current = loaded.get();
        Explanation shown = explanation.get();
        String who = user.get();
        if (picked == null || current == null || current.explainer() == null || who == null
                || shown != null && shown.user().equals(who) && shown.item().equals(picked.item())) {
            return;
        }
        ExplainOptions options = options();
        start("Explaining " + picked.item(), (progress, cancel) -> current.explainer().explain(who, picked.item(),
                options, cancel), done -> show(done, current));
    }

    /** Item names and categories (from {@code column}, null: none) for the open model's project data. */
    private void relabel(String column) {
        Loaded current = loaded.get();
        ProjectHistories data = current == null ? null : current.data();
        labels.set(data == null ? HistoryLabels.NONE : new HistoryLabels(data.catalogue(column), data.instants(),
                Locale.getDefault()));
        aggregate.set(null);
        Explanation shown = explanation.get();
        if (current != null && shown != null) {
            show(shown, current);
        }
    }

    private ExplainOptions options() {
        return ExplainOptions.defaults().withK(k.get());
    }

    /** Shows an explanation (null: none); the explanation is set last, so its listeners see every view filled. */
    private void show(Explanation shown, Loaded current) {
        AttentionGrid grid = shown == null ? null : AttentionGrid.of(shown.attention(), labels.get());
        attention.set(grid);
        highlighted.set(-1);
        history.setAll(historyRows(shown, grid, labels.get()));
        if (shown == null) {
            note.set(current.explainer() != null ? "" : "A " + kindName(current.model()) + " has no attention and no"
                    + " history to attribute to: it scores every item from the user's factors.");
        } else {
            int read = shown.attention().window().size();
            note.set(read < shown.history().size() ? String.format(Locale.ROOT,
                    "The model reads the latest %d of this user's %d items.", read, shown.history().size()) : "");
        }
        explanation.set(shown);
    }

    private static List<HistoryRow> historyRows(Explanation shown, AttentionGrid grid, HistoryLabels labels) {
        List<HistoryRow> rows = new ArrayList<>();
        if (grid == null) {
            return rows;
        }
        int last = grid.columnCount() - 1;
        for (int r = grid.rowCount() - 1; r >= 0; r--) {
            HistoryItem h = shown.attention().window().get(r);
            rows.add(new HistoryRow(r, grid.rowCount() - r, h.item(), labels.name(h.item()), labels.time(h),
                    grid.value(r, last)));
        }
        return rows;
    }

    private static String kindName(StoredModel model) {
        return switch (model.kind()) {
            case StoredModel.SASREC -> "SASRec";
            case StoredModel.MF -> "matrix factorisation (ratings)";
            case StoredModel.BPR -> "matrix factorisation (BPR)";
            default -> model.kind();
        };
    }

    /** Aggregates attention over a seeded sample of users: which items attend to which, in the background. */
    public void aggregate() {
        Loaded current = loaded.get();
        if (current == null || current.explainer() == null) {
            error.set("Open a SASRec model first: only SASRec has attention to aggregate.");
            return;
        }
        int users = aggregateUsers.get();
        Map<String, String> categories = labels.get().catalogue().categoryColumn() == null ? null
                : labels.get().catalogue().categories();
        start("Reading the attention of " + users + " users", (progress, cancel) -> current.explainer().aggregator()
                .aggregate(users, categories, TOP_PAIRS, MIN_PAIR_COUNT, 1, cancel), done -> {
                    aggregate.set(done);
                    status.set(String.format(Locale.ROOT, "Attention read over %,d users.", done.users()));
                });
    }

    public void cancel() {
        task.cancel();
    }

    // ---------------------------------------------------------------- exports

    /** Writes a picture of a chart to a file the analyst chooses. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file) throws IOException;
    }

    /** Asks where, then writes the heatmap (or another chart) as PNG or SVG with {@code writer}. */
    public void exportPicture(ExportFormat format, String what, FileWriter writer) {
        Explanation shown = explanation.get();
        if (shown == null) {
            error.set("Pick a user of a SASRec model first.");
            return;
        }
        export(format, shown.user() + "-" + shown.item() + "-" + what, writer);
    }

    /** Asks where, then writes the shown explanation as CSV or JSON. */
    public void exportExplanation(ExportFormat format) {
        Explanation shown = explanation.get();
        Loaded model = loaded.get();
        if (shown == null || model == null) {
            error.set("Pick a user of a SASRec model first.");
            return;
        }
        List<RecommendationRow> top = List.copyOf(recommendations);
        export(format, shown.user() + "-" + shown.item() + "-explanation", file -> {
            if (format == ExportFormat.JSON) {
                ExplanationFiles.writeJson(model.name(), top, shown, file);
            } else {
                ExplanationFiles.writeCsv(top, shown, file);
            }
        });
    }

    private void export(ExportFormat format, String suggested, FileWriter writer) {
        error.set("");
        dialogs.chooseExportFile(format, suggested + "." + format.extension(), null).ifPresent(file -> {
            try {
                writer.write(file);
                status.set("Exported " + file.getFileName() + ".");
            } catch (IOException | UncheckedIOException e) {
                dialogs.showError("Cannot export " + file.getFileName(), e.getMessage());
            }
        });
    }

    private <T> void start(String description, ProgressTask.Work<T> work, Consumer<T> onSuccess) {
        error.set("");
        task.start(description, work, onSuccess,
                failure -> error.set(description + " failed: " + ProgressTask.reason(failure)),
                () -> status.set(description + " cancelled."));
    }

    // ---------------------------------------------------------------- properties

    public ProgressTask task() {
        return task;
    }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The trained recommenders the open project keeps. */
    public ObservableList<StoredRecommender> getProjectModels() {
        return projectModels;
    }

    /** The open project, whose data give a project model's history times and item names. */
    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    /** The item traits of the open model's project data a category can come from; empty for a model file. */
    public ObservableList<String> getCategoryColumns() {
        return categoryColumns;
    }

    /** The column item categories come from (for labels and the category view across users); null for none. */
    public StringProperty categoryColumnProperty() {
        return categoryColumn;
    }

    /** How history items are described (names, categories, times) for the open model. */
    public ReadOnlyObjectProperty<HistoryLabels> labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    /** The model's users whose id contains the query. */
    public ObservableList<String> getMatchingUsers() {
        return matchingUsers;
    }

    public StringProperty userQueryProperty() {
        return userQuery;
    }

    /** The user being explained; setting it explains them. */
    public StringProperty userProperty() {
        return user;
    }

    /** How many recommendations to show. */
    public IntegerProperty kProperty() {
        return k;
    }

    /** The explanation of the picked recommendation; null before one is computed or for models without one. */
    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** What the views cannot show and why (a model without attention, a history longer than the window). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<RecommendationRow> getRecommendations() {
        return recommendations;
    }

    /** The recommendation being explained. */
    public ObjectProperty<RecommendationRow> recommendationProperty() {
        return recommendation;
    }

    /** The history window, latest item first. */
    public ObservableList<HistoryRow> getHistory() {
        return history;
    }

    public ReadOnlyObjectProperty<AttentionGrid> attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    /** The heatmap row of the history item highlighted in every view; -1 for none. */
    public IntegerProperty highlightedProperty() {
        return highlighted;
    }

    /** How many users the view across users reads (a seeded sample when the model has more). */
    public IntegerProperty aggregateUsersProperty() {
        return aggregateUsers;
    }

    /** Attention across users; null until computed for the open model. */
    public ReadOnlyObjectProperty<AttentionAggregate> aggregateProperty() {
        return aggregate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong with the last request, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
