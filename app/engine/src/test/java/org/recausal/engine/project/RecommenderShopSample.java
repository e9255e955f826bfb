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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.stream.IntStream;
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
import org.recausal.engine.scm.Intervention;
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

    /** The number of draws of the per-row noise the documented true effects average over. */
    private static final int REPLICATES = 20;

    /** The sample with the log's data, written to {@code folder} on the way, and notes that give its true effects. */
    static Project build(RecommenderLog log, Path folder) throws IOException {
        log.writeCsv(folder);
        Project project = new Project("Recommender shop", graph());
        project.setNotes(notes(log));
        attach(project, folder.resolve("interactions.csv"), null);
        attach(project, folder.resolve("users.csv"), new DatasetJoin("interactions", "user_id", "user_id"));
        attach(project, folder.resolve("items.csv"), new DatasetJoin("interactions", "item_id", "item_id"));
        return project;
    }

    static String notes(RecommenderLog log) {
        RecommenderLog.Settings settings = log.settings();
        long sessions = log.rows() / settings.slate();
        StringBuilder notes = new StringBuilder();
        notes.append(String.format(Locale.ROOT, """
                # Recommender shop

                A simulated online shop whose recommender decides which items to show. The data are a log of %,d \
                (user, item) pairs the ranking considered: %,d sessions of %,d users over %d days, %d candidates a \
                session, over a catalogue of %,d items. They come from a world whose equations are written out \
                (`org.recausal.engine.simulate.RecommenderLog`, seed %d), so the true effects below are known.

                ## Data

                * `interactions` (%,d rows): `user_id`, `item_id`, `session_id`, `timestamp`, the per-row variables \
                and `exposure_propensity`, the true probability that the item was shown given its score (not a \
                variable of the graph; inverse-propensity weights for recommenders and off-policy estimates).
                * `users` (%,d rows, joined on `user_id`): `user_tenure`, `user_activity`.
                * `items` (%,d rows, joined on `item_id`): `item_category`, `item_popularity`.
                * `user_preference` and `item_quality` are latent: no column holds them.

                ## True effects on this log

                Each is the mean over the log's rows of the difference between two worlds that share every random \
                number, averaged over %d draws of the per-row noise (the users, items, sessions and candidates stay \
                as they are), with its Monte Carlo standard error.

                | Question | Intervention | Compared with | Outcome | True effect | MC s.e. |
                |---|---|---|---|---|---|
                """, log.rows(), sessions, distinctUsers(log), settings.days(), settings.slate(), settings.items(),
                settings.seed(), log.rows(), settings.users(), settings.items(), REPLICATES));
        for (RecommenderLog.KnownEffect effect : log.knownEffects(REPLICATES)) {
            notes.append("| ").append(effect.question()).append(" | `").append(texts(effect.treated()))
                    .append("` | ").append(effect.control().isEmpty() ? "the shop as it is"
                            : "`" + texts(effect.control()) + "`")
                    .append(" | `").append(effect.outcome()).append("` | ")
                    .append(String.format(Locale.ROOT, "%.4f", effect.truth().effect())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f", effect.truth().standardError())).append(" |\n");
        }
        notes.append("""

                ## Recovering them from the data

                * Exposure is confounded: the latent user preference raises the score (so exposure), clicks and \
                purchases, so the naive difference of means overstates the effect. The score is exposure's only \
                cause, so adjusting for `recommender_score` identifies it: \
                `recausal estimate PROJECT --treatment exposure --outcome click`.
                * The popularity penalty is a policy of pre-exposure variables: \
                `recausal estimate PROJECT --treatment exposure --outcome click --policy '%s'`.
                * A model fitted to the observed variables cannot simulate what the latent preference confounds \
                (`simulate` says so and points to `estimate`); it does simulate the discount on the price: \
                `recausal simulate PROJECT --do discount=1 --baseline discount=0 --outcome item_price`.
                """.formatted(RecommenderLog.POPULARITY_PENALTY));
        return notes.toString();
    }

    private static long distinctUsers(RecommenderLog log) {
        return IntStream.range(0, log.users().rows()).filter(u -> log.users().value("user_activity", u) > 0).count();
    }

    private static String texts(List<Intervention> interventions) {
        return String.join(", ", interventions.stream().map(Intervention::text).toList());
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
        Path fresh = folder.resolve("fresh" + ProjectFiles.EXTENSION);
        ProjectFiles.save(build(RecommenderLog.generate(RecommenderLog.Settings.sample()), folder), fresh);
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
