package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.layout.LayeredLayout;

/**
 * Builds the bundled sample project {@code sample-projects/recommender-shop.recausal} and checks that the
 * committed file is exactly what this code builds. Regenerate it after a deliberate change with
 * {@code ./mvnw -pl app/engine test -Dtest=RecommenderShopSample -Drecausal.writeSamples=true}.
 */
class RecommenderShopSample {
    static final Path FILE = Path.of("../../sample-projects/recommender-shop.recausal");

    /** An online shop's recommender: who sees which item where, and what they then do. */
    static Project build() {
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
                "Only signed-in sessions reach the log, so the data hold only these");

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
        return new Project("Recommender shop", dag);
    }

    private static void add(Dag dag, String name, Role role, DataType type, String description) {
        dag.addVariable(Variable.of(name, role, type).withDescription(description));
    }

    @Test
    void committedSampleIsWhatThisCodeBuilds() throws IOException, ProjectFileException {
        Path fresh = Files.createTempFile("recommender-shop", ProjectFiles.EXTENSION);
        try {
            ProjectFiles.save(build(), fresh);
            if (Boolean.getBoolean("recausal.writeSamples")) {
                Files.copy(fresh, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(Files.readAllBytes(FILE)).isEqualTo(Files.readAllBytes(fresh));
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    @Test
    void sampleAsksAnIdentifiableQuestion() throws ProjectFileException {
        Dag dag = ProjectFiles.open(FILE).dag();
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
