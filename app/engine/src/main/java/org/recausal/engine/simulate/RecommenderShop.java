package org.recausal.engine.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.layout.LayeredLayout;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.DatasetJoin;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * The "Recommender shop" project: the shop's causal graph as an analyst would draw it (with descriptions and a
 * layered layout), a {@link RecommenderLog}'s data attached, and notes giving the true effects on those data. The
 * bundled sample project is the one of {@code RecommenderLog.generate(Settings.sample())}, its known effects averaged
 * over 20 replicates; {@code recausal generate recommender --project} builds others.
 */
public final class RecommenderShop {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("user_tenure", "Days since the account was opened"),
            Map.entry("user_preference", "The user's unmeasured taste for the item's kind of product"),
            Map.entry("user_activity", "Sessions in the last 30 days"),
            Map.entry("device", "Mobile, desktop or app"),
            Map.entry("item_category", "Top-level catalogue category"),
            Map.entry("item_quality", "Unmeasured quality of the item"),
            Map.entry("item_popularity", "Purchases of the item in the last 7 days"),
            Map.entry("discount", "Item on promotion today"),
            Map.entry("item_price", "Price shown, after any discount"),
            Map.entry("recommender_score", "The ranking model's score"),
            Map.entry("exposure", "The item was shown in the recommendation slate"),
            Map.entry("position", "Slot in the slate (1 = top)"),
            Map.entry("click", "The user clicked the item"),
            Map.entry("purchase", "The user bought the item within the session"),
            Map.entry("rating", "Stars given afterwards, 1 to 5"),
            Map.entry("logged_in",
                    "The session was signed in (the app keeps its users signed in; active users sign in more)"));

    private RecommenderShop() {
    }

    /**
     * The project of the log: the shop's graph, the log's data written to {@code folder} and embedded (interactions,
     * with users and items joined on their ids), and notes that give the true effects on the log.
     *
     * @param known the log's {@link RecommenderLog#knownEffects}, averaged over {@code replicates} draws of the noise
     */
    public static Project project(RecommenderLog log, int replicates, List<RecommenderLog.KnownEffect> known,
            Path folder) throws IOException {
        log.writeCsv(folder);
        Project project = new Project("Recommender shop", graph());
        project.setNotes(notes(log, replicates, known));
        attach(project, folder.resolve("interactions.csv"), null);
        attach(project, folder.resolve("users.csv"), new DatasetJoin("interactions", "user_id", "user_id"));
        attach(project, folder.resolve("items.csv"), new DatasetJoin("interactions", "item_id", "item_id"));
        return project;
    }

    /** The notes: what the data are, the true effects on them, and how to recover those from the data. */
    public static String notes(RecommenderLog log, int replicates, List<RecommenderLog.KnownEffect> known) {
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
                settings.seed(), log.rows(), settings.users(), settings.items(), replicates));
        for (RecommenderLog.KnownEffect effect : known) {
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

    /**
     * An online shop's recommender, who sees which item where and what they then do: the world's graph, described,
     * laid out, and with {@code logged_in} marked as a selection variable, as the analyst conditions on it.
     */
    public static Dag graph() {
        Dag dag = RecommenderWorld.dag();
        for (Variable variable : dag.variables()) {
            Variable described = variable.withDescription(DESCRIPTIONS.get(variable.name()));
            dag.updateVariable(variable.name().equals("logged_in") ? described.withRole(Role.SELECTION) : described);
        }
        Map<String, CanvasPosition> positions = LayeredLayout.layout(dag).positions();
        for (Variable variable : dag.variables()) {
            dag.updateVariable(variable.withPosition(positions.get(variable.name())));
        }
        return dag;
    }
}
