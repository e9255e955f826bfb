package org.recausal.desktop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.explain.CategoryAttention;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.StoredRecommender;

/**
 * A SASRec trained on the sample project, explained in the Explain panel's view-model: the history rows show the
 * project's item ids, categories and click times, checked against the sample's CSV files read here directly.
 */
class ProjectHistoryTest {
    private static Project project;
    private static StoredRecommender recommender;
    /** Per user, their clicks (item, epoch seconds), in time order, from the project's CSV. */
    private static final Map<String, List<String[]>> CLICKS = new HashMap<>();
    private static final Map<String, String> CATEGORY = new HashMap<>();

    private final ExplainModel model = new ExplainModel(new ScriptedDialogs(), new SameThreadExecutor(), Runnable::run);

    @BeforeAll
    static void train() throws IOException {
        project = ExplainFixtures.sampleProject();
        recommender = ExplainFixtures.sampleSasrec(project, 1);
        try (ZipFile zip = new ZipFile(ExplainFixtures.SAMPLE.toFile())) {
            for (String[] row : csv(zip, "data/interactions.csv")) {
                if (row[10].equals("1")) {
                    CLICKS.computeIfAbsent(row[0], _ -> new ArrayList<>()).add(new String[] {row[1], row[3]});
                }
            }
            for (String[] row : csv(zip, "data/items.csv")) {
                CATEGORY.put(row[0], row[1]);
            }
        }
        // A stable sort keeps the file order of equal times, as the model's histories do.
        CLICKS.values().forEach(list -> list.sort(Comparator.comparingLong(r -> Long.parseLong(r[1]))));
    }

    private static List<String[]> csv(ZipFile zip, String entry) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(entry)),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private void open() {
        model.projectProperty().set(project);
        model.use(recommender);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void historyRowsShowTheProjectsItemIdsCategoriesAndClickTimes() {
        open();
        String user = "u1064";
        model.userProperty().set(user);

        List<String[]> clicks = CLICKS.get(user);
        List<HistoryRow> rows = model.getHistory();
        assertThat(rows).isNotEmpty();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Locale.getDefault()).withZone(ZoneOffset.UTC);
        AttentionGrid grid = model.attentionProperty().get();
        for (HistoryRow row : rows) {
            // The history is the user's clicks in time order; the latest row is the latest click.
            String[] click = clicks.get(clicks.size() - row.fromEnd());
            assertThat(row.item()).isEqualTo(click[0]);
            assertThat(row.name()).isEqualTo(CATEGORY.get(click[0]));
            String time = format.format(Instant.ofEpochSecond(Long.parseLong(click[1]))) + " UTC";
            assertThat(row.time()).isEqualTo(time);
            assertThat(grid.rowLabel(row.row())).isEqualTo(click[0] + " · " + CATEGORY.get(click[0]) + " · " + time);
        }
        assertThat(model.getCategoryColumns()).containsExactly("item_category");
        assertThat(model.categoryColumnProperty().get()).isEqualTo("item_category");
    }

    @Test
    void withoutACategoryColumnRowsShowIdsAndTimesOnly() {
        open();
        model.categoryColumnProperty().set(null);
        model.userProperty().set("u1064");

        HistoryRow latest = model.getHistory().getFirst();
        assertThat(latest.name()).isNull();
        assertThat(latest.time()).endsWith(" UTC");
        assertThat(model.attentionProperty().get().rowLabel(latest.row())).isEqualTo(latest.item() + " · "
                + latest.time());
    }

    @Test
    void theViewAcrossUsersAggregatesTheProjectsCategories() {
        open();
        model.aggregateUsersProperty().set(200);
        model.aggregate();

        CategoryAttention categories = model.aggregateProperty().get().categories();
        assertThat(categories.categories()).containsExactlyElementsOf(
                CATEGORY.values().stream().distinct().sorted().toList());
        for (double[] row : categories.shares()) {
            double sum = Arrays.stream(row).sum();
            assertThat(sum).isBetween(1 - 1e-9, 1 + 1e-9);
        }
    }

    @Test
    void aModelFileKeepsOrderOnly() {
        model.open(ExplainFixtures.sasrecFile(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))));
        assertThat(model.getHistory()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.name()).isNull();
            assertThat(row.time()).isEmpty();
        });
        assertThat(model.getCategoryColumns()).isEmpty();
    }
}
