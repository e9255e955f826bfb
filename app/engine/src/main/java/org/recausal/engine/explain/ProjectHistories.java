package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.recausal.engine.data.Table;
import org.recausal.engine.data.TimestampColumn;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import tools.jackson.databind.JsonNode;

/**
 * The project data behind a recommender trained on one of the project's datasets: when each interaction of the
 * model's histories happened, and what its items are ({@link ItemCatalogue}, from the dataset's table with the
 * datasets joined to it, such as the items' table). The model's histories stay the ones it was trained with; the
 * log's times are matched to them item by item, latest first, so a history the log no longer holds in full keeps
 * its order and loses only the times it cannot match.
 *
 * @param times      per model user, the time of each history item (oldest first), {@link HistoryItem#UNKNOWN_TIME}
 *                   where the log has none; null when the dataset has no time column
 * @param instants   whether the times are instants (epoch milliseconds of a timestamp column) rather than numbers
 *                   such as a sequence number
 * @param catalogues what the data say about the items: names only first, then names and categories from each
 *                   categorical item trait, in table order (read once, so switching categories reads nothing)
 */
public record ProjectHistories(long[][] times, boolean instants, List<ItemCatalogue> catalogues) {

    public ProjectHistories {
        catalogues = List.copyOf(catalogues);
    }

    /**
     * Reads the data a project recommender was trained on, or empty when it was trained on data outside the
     * project or its dataset is gone or changed.
     *
     * @throws org.recausal.engine.data.DataException when the dataset's data cannot be read
     */
    public static Optional<ProjectHistories> load(Project project, StoredRecommender recommender,
            CancellationToken cancel) {
        if (recommender.trainedOn() == null || recommender.isStale(project)) {
            return Optional.empty();
        }
        Dataset dataset = project.dataset(recommender.trainedOn().dataset()).orElseThrow();
        Table table = joinedTable(project, dataset, cancel);
        StoredModel model = recommender.model();
        TableInteractions.Columns columns = columns(model, table);
        List<ItemCatalogue> catalogues = new ArrayList<>();
        catalogues.add(ItemCatalogue.of(table, columns.item(), null));
        for (String category : ItemCatalogue.categoryColumns(table, columns.item())) {
            catalogues.add(ItemCatalogue.of(table, columns.item(), category));
        }
        if (columns.time() == null) {
            return Optional.of(new ProjectHistories(null, false, catalogues));
        }
        // Copies of the model's indices: reading adds ids the model does not know after its own.
        Interactions log = TableInteractions.read(table, columns, StoredModel.MF.equals(model.kind()),
                IdIndex.of(model.users().ids()), IdIndex.of(model.items().ids())).log();
        LoggedHistories logged = LoggedHistories.of(log, model.users().size(), model.items().size());
        long[][] times = new long[model.histories().length][];
        for (int u = 0; u < times.length; u++) {
            times[u] = align(model.histories()[u], logged.histories()[u], logged.times()[u]);
        }
        return Optional.of(new ProjectHistories(times, table.column(columns.time()) instanceof TimestampColumn,
                catalogues));
    }

    /** The item traits a category can come from. */
    public List<String> categoryColumns() {
        return catalogues.stream().skip(1).map(ItemCatalogue::categoryColumn).toList();
    }

    /**
     * Item names, and categories from {@code categoryColumn} (null: none).
     *
     * @throws IllegalArgumentException when the column is not one of {@link #categoryColumns}
     */
    public ItemCatalogue catalogue(String categoryColumn) {
        return catalogues.stream().filter(c -> Objects.equals(c.categoryColumn(), categoryColumn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + categoryColumn + "' is not an item category"
                        + " of the data (" + (categoryColumns().isEmpty() ? "they have no categorical item trait"
                                : "their item categories: " + String.join(", ", categoryColumns())) + ")"));
    }

    /** An explainer over the model's histories with these times. */
    public Explainer explainer(StoredModel model, int threads) {
        return new Explainer(model, model.histories(), times, threads);
    }

    private static Table joinedTable(Project project, Dataset dataset, CancellationToken cancel) {
        if (dataset.join() == null) {
            ProjectData data = ProjectData.load(project, ProgressListener.NONE, cancel);
            for (MappedTable t : data.tables()) {
                if (t.name().equals(dataset.id())) {
                    return t.table();
                }
            }
        }
        return Datasets.load(dataset, ProgressListener.NONE, cancel).table();
    }

    /** The columns the model was trained on, as the Train dialog recorded them, else the usual names. */
    private static TableInteractions.Columns columns(StoredModel model, Table table) {
        JsonNode c = model.details() == null ? null : model.details().path("settings").path("columns");
        if (c != null && c.path("user").isString() && c.path("item").isString()
                && table.hasColumn(c.path("user").asString()) && table.hasColumn(c.path("item").asString())) {
            return new TableInteractions.Columns(c.path("user").asString(), c.path("item").asString(),
                    present(table, c.path("time")), present(table, c.path("feedback")), null);
        }
        return TableInteractions.detect(table);
    }

    private static String present(Table table, JsonNode name) {
        return name.isString() && table.hasColumn(name.asString()) ? name.asString() : null;
    }

    /**
     * The time of each history item: the model's history and the log's are walked back from their latest items,
     * each history item taking the time of the latest log interaction with it not yet matched.
     */
    static long[] align(int[] history, int[] logItems, long[] logTimes) {
        long[] times = new long[history.length];
        int l = logItems.length - 1;
        for (int p = history.length - 1; p >= 0; p--) {
            int at = l;
            while (at >= 0 && logItems[at] != history[p]) {
                at--;
            }
            if (at < 0) {
                times[p] = HistoryItem.UNKNOWN_TIME;
            } else {
                times[p] = logTimes[at];
                l = at - 1;
            }
        }
        return times;
    }
}
