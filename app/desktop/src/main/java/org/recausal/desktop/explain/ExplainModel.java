package org.recausal.desktop.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;

/**
 * The Explain panel's state: a trained recommender opened from its model file, the user being looked at, their
 * top-K recommendations, and why the model recommends them (where SASRec's attention went over the user's
 * history). The history item picked in any view is highlighted in all of them. Work runs in one cancellable
 * {@link ProgressTask}: a newer request (another user, another K) cancels the one still running.
 */
public final class ExplainModel {

    /** A model file as opened. */
    public record Loaded(Path file, StoredModel model) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    /** Everything shown for one user, computed off the UI thread. */
    public record UserExplanation(String user, List<RecommendationRow> recommendations, AttentionGrid attention,
            int historyLength, String note) {
    }

    static final int DEFAULT_K = 10;

    private final DialogService dialogs;
    private final ProgressTask task;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final FilteredList<String> matchingUsers = new FilteredList<>(users);
    private final StringProperty userQuery = new SimpleStringProperty(this, "userQuery", "");
    private final StringProperty user = new SimpleStringProperty(this, "user");
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", DEFAULT_K);
    private final ReadOnlyObjectWrapper<UserExplanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ObservableList<RecommendationRow> recommendations = FXCollections.observableArrayList();
    private final ObjectProperty<RecommendationRow> recommendation = new SimpleObjectProperty<>(this, "recommendation");
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AttentionGrid> attention = new ReadOnlyObjectWrapper<>(this, "attention");
    private final IntegerProperty highlighted = new SimpleIntegerProperty(this, "highlighted", -1);
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
        user.addListener((_, _, _) -> explain());
        k.addListener((_, _, _) -> explain());
    }

    /** Asks for a model file, then opens it. */
    public void openModel() {
        Loaded current = loaded.get();
        dialogs.chooseModelToOpen(current == null ? null : current.file().toAbsolutePath().getParent())
                .ifPresent(this::open);
    }

    /** Reads a model file in the background; the first user with a history is then explained. */
    public void open(Path file) {
        start("Opening " + file.getFileName(), (progress, cancel) -> new Loaded(file, ModelFile.read(file)), done -> {
            loaded.set(done);
            StoredModel model = done.model();
            List<String> ids = new ArrayList<>(model.users().ids());
            users.setAll(ids);
            status.set(String.format(Locale.ROOT, "%s: %s, %,d users, %,d items.", done.name(), kindName(model),
                    model.users().size(), model.items().size()));
            String first = null;
            for (int u = 0; u < model.histories().length && first == null; u++) {
                if (model.histories()[u].length > 0) {
                    first = model.users().id(u);
                }
            }
            if (Objects.equals(user.get(), first)) {
                explain();
            } else {
                user.set(first);
            }
        });
    }

    /** Recommends the user's top K and computes why, in the background. */
    public void explain() {
        Loaded current = loaded.get();
        String who = user.get();
        if (current == null || who == null) {
            return;
        }
        int count = k.get();
        StoredModel model = current.model();
        start("Explaining " + who + "'s recommendations", (progress, cancel) -> compute(model, who, count), done -> {
            explanation.set(done);
            recommendations.setAll(done.recommendations());
            attention.set(done.attention());
            highlighted.set(-1);
            history.setAll(historyRows(done.attention()));
            recommendation.set(recommendations.isEmpty() ? null : recommendations.getFirst());
        });
    }

    static UserExplanation compute(StoredModel model, String who, int count) {
        List<RecommendationRow> rows = new ArrayList<>();
        int rank = 1;
        for (StoredModel.Recommendation r : model.recommend(who, count)) {
            rows.add(new RecommendationRow(rank++, r.item(), r.score()));
        }
        int[] items = model.histories()[model.users().indexOf(who)];
        if (!StoredModel.SASREC.equals(model.kind())) {
            return new UserExplanation(who, rows, null, items.length, "A " + kindName(model)
                    + " has no attention: it scores every item from the user's factors, whatever the history's order.");
        }
        AttentionGrid grid = AttentionGrid.of(model.sasrec().attention(items));
        String note = grid.rowCount() < items.length
                ? String.format(Locale.ROOT, "The model reads the latest %d of %d items.", grid.rowCount(), items.length)
                : "";
        return new UserExplanation(who, rows, grid, items.length, note);
    }

    private static List<HistoryRow> historyRows(AttentionGrid grid) {
        List<HistoryRow> rows = new ArrayList<>();
        if (grid == null) {
            return rows;
        }
        int last = grid.columnCount() - 1;
        for (int r = grid.rowCount() - 1; r >= 0; r--) {
            rows.add(new HistoryRow(r, grid.rowCount() - r, grid.items().get(r), last < 0 ? 0 : grid.value(r, last)));
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
        UserExplanation shown = explanation.get();
        if (shown == null || shown.attention() == null) {
            error.set("Pick a user of a SASRec model first.");
            return;
        }
        export(format, shown.user() + "-" + what, writer);
    }

    /** Asks where, then writes the shown explanation as CSV or JSON. */
    public void exportExplanation(ExportFormat format) {
        UserExplanation shown = explanation.get();
        Loaded model = loaded.get();
        if (shown == null || model == null) {
            error.set("Pick a user first.");
            return;
        }
        export(format, shown.user() + "-explanation", file -> {
            if (format == ExportFormat.JSON) {
                ExplanationFiles.writeJson(model.name(), shown, file);
            } else {
                ExplanationFiles.writeCsv(shown, file);
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
        task.start(description, work, onSuccess, failure -> error.set(description + " failed: "
                + (failure.getMessage() == null ? failure.toString() : failure.getMessage())),
                () -> status.set(description + " cancelled."));
    }

    // ---------------------------------------------------------------- properties

    public ProgressTask task() {
        return task;
    }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
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

    public ReadOnlyObjectProperty<UserExplanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
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

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong with the last request, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
