package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.layout.LayeredLayout;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.simulate.RecommenderLog;
import org.recausal.engine.simulate.RecommenderWorld;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Builds the bundled sample project {@code sample-projects/recommender-shop.recausal}, its graph and the log of
 * {@link RecommenderLog} embedded as three datasets (interactions, with users and items joined on their ids), and
 * checks that the committed file holds exactly what this code builds. Regenerate it after a deliberate change with
 * {@code ./mvnw -pl app/engine test -Dtest=RecommenderShopSample -Drecausal.writeSamples=true}.
 */
class RecommenderShopSample {
    static final Path FILE = Path.of("../../sample-projects/recommender-shop.recausal");

    /** The sample with its data, read from the CSV files {@link RecommenderLog#writeCsv} wrote to {@code folder}. */
    static Project build(Path folder) throws IOException {
        Project project = new Project("Recommender shop", graph());
        attach(project, folder.resolve("interactions.csv"), null);
        attach(project, folder.resolve("users.csv"), new DatasetJoin("interactions", "user_id", "user_id"));
        attach(project, folder.resolve("items.csv"), new DatasetJoin("interactions", "item_id", "item_id"));
        return project;
    }

    private static void attach(Project project, Path file, DatasetJoin join) {
        Datasets.Attachment attachment = Datasets.attach(file, ImportOptions.defaults(), true, ProgressListener.NONE,
                CancellationToken.none());
        String id = Dataset.idFor(file.getFileName().toString());
        project.addDataset(new Dataset(id, id, attachment.source(), ImportOptions.defaults(),
                ColumnInfo.of(attachment.result().table()), ColumnMapping.automatic(), join));
    }

    /** An online shop's recommender: who sees which item where, and what they then do. */
    static Dag graph() {
        Dag dag = new Dag();
        add(dag, "user_tenure", Role.ORDINARY, DataType.CONTINUOUS, "Days since the account was opened");
        add(dag, "user_preference", Role.LATENT, DataType.CONTINUOUS,
                "The user's unmeasured taste for the item's kind of product");
        add(dag, "user_activity", Role.ORDINARY, DataType.COUNT, "Sessions in the last 30 days");
        add(dag, "device", Role.ORDINARY, DataType.CATEGORICAL, "Mobile, desktop or app");
        add(dag, "item_category", Role.ORDINARY, DataType.CATEGORICAL, "Top-level catalogue category");
        add(dag, "item_quality", Role.LATENT, DataType.CONTINUOUS, "Unmeasured quality of the item");
        add(dag, "item_popularity", Role.ORDINARY, DataType.COUNT, "Purchases of the item in the last 7 days");
        add(dag, "discount", Role.ORDINARY, DataType.BINARY, "Item on promotion today");
        add(dag, "item_price", Role.ORDINARY, DataType.CONTINUOUS, "Price shown, after any discount");
        add(dag, "recommender_score", Role.ORDINARY, DataType.CONTINUOUS, "The ranking model's score");
        add(dag, "exposure", Role.EXPOSURE, DataType.BINARY, "The item was shown in the recommendation slate");
        add(dag, "position", Role.ORDINARY, DataType.COUNT, "Slot in the slate (1 = top)");
        add(dag, "click", Role.ORDINARY, DataType.BINARY, "The user clicked the item");
        add(dag, "purchase", Role.OUTCOME, DataType.BINARY, "The user bought the item within the session");
        add(dag, "rating", Role.ORDINARY, DataType.COUNT, "Stars given afterwards, 1 to 5");
        add(dag, "logged_in", Role.SELECTION, DataType.BINARY,
                "The session was signed in (the app keeps its users signed in; active users sign in more)");

        String[][] edges = {
                {"user_tenure", "user_activity"}, {"user_tenure", "purchase"},
                {"user_preference", "user_activity"}, {"user_preference", "recommender_score"},
                {"user_preference", "click"}, {"user_preference", "purchase"},
                {"user_activity", "recommender_score"}, {"user_activity", "click"},
                {"device", "position"}, {"device", "click"},
                {"item_category", "item_popularity"}, {"item_category", "item_price"},
                {"item_category", "recommender_score"},
                {"item_quality", "item_popularity"}, {"item_quality", "purchase"}, {"item_quality", "rating"},
                {"item_popularity", "recommender_score"}, {"item_popularity", "click"},
                {"discount", "item_price"}, {"item_price", "purchase"},
                {"recommender_score", "exposure"}, {"recommender_score", "position"},
                {"exposure", "click"}, {"position", "click"}, {"click", "purchase"},
                {"purchase", "rating"}, {"user_activity", "logged_in"}, {"device", "logged_in"},
        };
        for (String[] edge : edges) {
            dag.addEdge(edge[0], edge[1]);
        }
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag).positions();
        for (Variable variable : dag.variables()) {
            dag.updateVariable(variable.withPosition(positions.get(variable.name())));
        }
        return dag;
    }

    private static void add(Dag dag, String name, Role role, DataType type, String description) {
        dag.addVariable(Variable.of(name, role, type).withDescription(description));
    }

    /**
     * Compares what the archives hold, entry by entry, uncompressed: deflated bytes may differ between zlib builds,
     * what they inflate to may not.
     */
    @Test
    void committedSampleIsWhatThisCodeBuilds(@TempDir Path folder) throws IOException, ProjectFileException {
        RecommenderLog.generate(RecommenderLog.Settings.sample()).writeCsv(folder);
        Path fresh = folder.resolve("fresh" + ProjectFiles.EXTENSION);
        ProjectFiles.save(build(folder), fresh);
        if (Boolean.getBoolean("recausal.writeSamples")) {
            Files.copy(fresh, FILE, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(entries(FILE)).isEqualTo(entries(fresh));
        assertThat(Files.size(FILE)).isLessThan(4_000_000);
    }

    private static Map<String, String> entries(Path archive) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    entries.put(entry.getName(), entry.getName().endsWith(".json")
                            ? new String(bytes, StandardCharsets.UTF_8) : bytes.length + " bytes, SHA-256 "
                            + HexFormat.of().formatHex(sha256(bytes)));
                }
            }
        }
        return entries;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sampleDataBindToEveryObservedVariable() throws ProjectFileException {
        Project project = ProjectFiles.open(FILE);
        ProjectData data = ProjectData.load(project, ProgressListener.NONE, CancellationToken.none());
        assertThat(data.tables()).hasSize(1);
        assertThat(data.issues()).isEmpty();
        assertThat(data.tables().getFirst().mapping().nodesWithoutData())
                .containsExactlyInAnyOrder("user_preference", "item_quality");
        assertThat(data.tables().getFirst().table().rowCount())
                .isEqualTo(RecommenderLog.generate(RecommenderLog.Settings.sample()).rows());
    }

    @Test
    void sampleAsksAnIdentifiableQuestion() throws ProjectFileException {
        Dag dag = ProjectFiles.open(FILE).dag();
        assertThat(dag.names()).containsExactlyInAnyOrderElementsOf(RecommenderWorld.dag().names());
        assertThat(dag.withRole(Role.EXPOSURE)).containsExactly("exposure");
        assertThat(dag.withRole(Role.OUTCOME)).containsExactly("purchase");
        assertThat(dag.size()).isEqualTo(16);
        assertThat(dag.edgeCount()).isEqualTo(28);
        // The slate is driven by the ranking score alone, so adjusting for it identifies the effect,
        // while the latent user preference makes the naive comparison biased.
        AdjustmentAnalysis question = AdjustmentAnalysis.totalEffect(dag, Set.of("exposure"), Set.of("purchase"));
        assertThat(question.check(Set.of("recommender_score")).valid()).isTrue();
        assertThat(question.check(Set.of()).valid()).isFalse();
    }
}
