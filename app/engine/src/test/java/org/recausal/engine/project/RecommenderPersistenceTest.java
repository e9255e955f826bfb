package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.model.FeatureModelFileTest;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;

import tools.jackson.databind.json.JsonMapper;

/** Trained recommenders kept in a project reopen with the same weights and recommendations. */
class RecommenderPersistenceTest {
    @TempDir
    Path folder;

    private static final IdIndex USERS = IdIndex.of(List.of("ann", "bob", "cy"));
    private static final IdIndex ITEMS = IdIndex.of(List.of("a", "b", "c", "d", "e"));

    static StoredModel factors() {
        int factors = 2;
        float[] w = new float[1 + 3 + 5 + (3 + 5) * factors];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.cos(1.7 * i);
        }
        return new StoredModel(StoredModel.MF, new FactorModel(3, 5, factors, w), USERS, ITEMS,
                new int[][] {{0}, {1, 3}, {}}, JsonMapper.shared().createObjectNode().put("epochs", 12)
                        .put("loss", "ips"), null);
    }

    static StoredModel sasrec() {
        SasRecConfig config = new SasRecConfig(3, 4, 1, 2, 0.2f, 0.001f, 8, 5, 3);
        float[] w = new float[5 * 4 + 3 * 4 + (5 * 16 + 9 * 4) + 2 * 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        return new StoredModel(StoredModel.SASREC, new SasRecModel(config, USERS, ITEMS, w), USERS, ITEMS,
                new int[][] {{0, 2, 1}, {3}, {4, 0}}, JsonMapper.shared().createObjectNode().put("data", "log"), null);
    }

    static Project withRecommenders(Path folder) throws Exception {
        Project project = V2FixturesTest.withData(folder);
        project.addRecommender(new StoredRecommender("mf-ips", "Matrix factorisation (IPS)", factors(),
                StoredRecommender.TrainedOn.of(project.dataset("interactions").orElseThrow())));
        project.addRecommender(new StoredRecommender("sasrec", "SASRec", sasrec(), null));
        return project;
    }

    @Test
    void recommendersReopenWithTheSameWeightsAndRecommendations() throws Exception {
        Project project = withRecommenders(folder);
        Path file = folder.resolve("r.recausal");

        ProjectFiles.save(project, file);
        Project opened = ProjectFiles.open(file);

        assertThat(opened.recommenders()).extracting(StoredRecommender::id, StoredRecommender::name,
                StoredRecommender::kind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mf-ips", "Matrix factorisation (IPS)", "mf"),
                        org.assertj.core.groups.Tuple.tuple("sasrec", "SASRec", "sasrec"));
        for (StoredRecommender before : project.recommenders()) {
            StoredRecommender after = opened.recommender(before.id()).orElseThrow();
            assertThat(after.trainedOn()).isEqualTo(before.trainedOn());
            assertThat(after.model().details()).isEqualTo(before.model().details());
            assertThat(after.model().histories()).isDeepEqualTo(before.model().histories());
            for (String user : USERS.ids()) {
                assertThat(after.model().recommend(user, 3)).isEqualTo(before.model().recommend(user, 3));
            }
        }
        FactorModel weights = (FactorModel) opened.recommender("mf-ips").orElseThrow().model().model();
        assertThat(weights.params()).isEqualTo(((FactorModel) factors().model()).params());
        assertThat(opened.recommender("sasrec").orElseThrow().model().sasrec().params())
                .isEqualTo(((SasRecModel) sasrec().model()).params());
    }

    @Test
    void aSasRecWithSideFeaturesKeepsThemInTheProject() throws Exception {
        Project project = V2FixturesTest.withData(folder);
        StoredModel model = FeatureModelFileTest.model();
        project.addRecommender(new StoredRecommender("traits", "SASRec with traits", model, null));
        Path file = folder.resolve("t.recausal");
        ProjectFiles.save(project, file);
        StoredModel opened = ProjectFiles.open(file).recommender("traits").orElseThrow().model();
        assertThat(opened.sasrec().features().variables()).isEqualTo(model.sasrec().features().variables());
        assertThat(opened.sasrec().features().itemObserved()).containsExactly(model.sasrec().features().itemObserved());
        assertThat(opened.sasrec().params()).isEqualTo(model.sasrec().params());
        for (String user : model.users().ids()) {
            assertThat(opened.recommend(user, 3)).isEqualTo(model.recommend(user, 3));
        }
    }

    @Test
    void theSameRecommendersSaveToTheSameBytes() throws Exception {
        Path first = folder.resolve("a.recausal");
        Path second = folder.resolve("b.recausal");
        ProjectFiles.save(withRecommenders(folder), first);
        ProjectFiles.save(ProjectFiles.open(first), second);
        ProjectFiles.save(withRecommenders(folder), first);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void aRecommenderIsStaleOnceItsTrainingDataChangeOrGo() throws Exception {
        Project project = withRecommenders(folder);
        StoredRecommender mf = project.recommender("mf-ips").orElseThrow();
        assertThat(mf.isStale(project)).isFalse();
        assertThat(project.recommender("sasrec").orElseThrow().isStale(project)).as("trained outside").isFalse();

        Dataset interactions = project.dataset("interactions").orElseThrow();
        FileFingerprint other = new FileFingerprint("x.csv", 3, "0".repeat(64));
        project.replaceDataset(interactions.withSource(new DatasetSource.Referenced(folder.resolve("x.csv").toAbsolutePath(), other)));
        assertThat(mf.isStale(project)).isTrue();

        Project copy = project.copy();
        copy.removeRecommender("mf-ips");
        assertThat(copy.recommenders()).extracting(StoredRecommender::id).containsExactly("sasrec");
        assertThat(project.recommenders()).hasSize(2);
        assertThatThrownBy(() -> project.addRecommender(mf)).hasMessageContaining("already has a recommender");
        assertThatThrownBy(() -> new StoredRecommender("../x", "x", factors(), null))
                .hasMessageContaining("is not a recommender id");
    }
}
