package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;

/**
 * Files written in format 3 must open in every later version. {@code src/test/resources/fixtures/v3/} holds a
 * project with notes, scenarios and a result ({@code analysis.recausal}), and one that also has a fitted model of
 * every mechanism kind and two trained recommenders ({@code everything.recausal}, with an embedded dataset and the
 * format-2 fixtures' referenced one). They were written once by the format-3 writer (run with
 * {@code -Drecausal.writeFixtures=true} only while format 3 is current).
 */
class V3FixturesTest {
    private static final Path FOLDER = Path.of("src/test/resources/fixtures/v3");

    static Project analysis() {
        Project project = ProjectFilesRoundTripTest.sample();
        project.setNotes(ProjectAnalysisTest.NOTES);
        project.addScenario(ProjectAnalysisTest.raise("raise X"));
        project.addScenario(ProjectAnalysisTest.shift("shift X"));
        project.setScenarioResult(new StoredResult(ProjectAnalysisTest.result(ProjectAnalysisTest.raise("raise X"), 10),
                ProjectAnalysisTest.fingerprint('c')));
        return project;
    }

    /** Boosted trees for every node they apply to, a linear Y with normal noise, a table for D. */
    static FittedScm mixedFit() {
        StructuralCausalModel truth = ScmPersistenceTest.mixedTruth();
        FitOptions options = FitOptions.defaults().withChoice(ModelChoice.BOOSTED).withChoice("Y", ModelChoice.LINEAR)
                .withChoice("D", ModelChoice.TABLE).withNoise(FitOptions.NoiseKind.GAUSSIAN);
        return ScmPersistenceTest.fit(KnownModels.dagOf(truth), truth.sample(700, 8), options);
    }

    static Project everything(Path scratch) throws Exception {
        Project withData = RecommenderPersistenceTest.withRecommenders(scratch);
        Dag dag = KnownModels.dagOf(ScmPersistenceTest.mixedTruth());
        Project project = new Project("Everything of format 3", dag);
        withData.datasets().forEach(project::addDataset);
        withData.recommenders().forEach(project::addRecommender);
        Project analysis = analysis();
        project.setNotes(analysis.notes());
        analysis.scenarios().forEach(project::addScenario);
        analysis.scenarioResult("raise X").ifPresent(project::setScenarioResult);
        project.setScm(StoredScm.of(mixedFit(), project));
        return project;
    }

    @Test
    void writeFixturesWhenAsked(@TempDir Path scratch) throws Exception {
        if (Boolean.getBoolean("recausal.writeFixtures")) {
            Files.createDirectories(FOLDER);
            ProjectFiles.save(analysis(), FOLDER.resolve("analysis.recausal"));
            ProjectFiles.save(everything(scratch), FOLDER.resolve("everything.recausal"));
        }
    }

    @Test
    void analysisFixtureOpens() throws Exception {
        Project expected = analysis();
        Project opened = ProjectFiles.open(FOLDER.resolve("analysis.recausal"));
        assertThat(opened.notes()).isEqualTo(expected.notes());
        assertThat(opened.scenarios()).containsExactlyElementsOf(expected.scenarios());
        assertThat(opened.scenarioResult("raise X").orElseThrow().result())
                .usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT)
                .isEqualTo(expected.scenarioResult("raise X").orElseThrow().result());
        assertThat(opened.scenarioResult("shift X")).isEmpty();
    }

    @Test
    void everythingFixtureOpensWithItsModelAndRecommenders(@TempDir Path scratch) throws Exception {
        OpenedProject checked = ProjectFiles.openChecked(FOLDER.resolve("everything.recausal"));
        assertThat(checked.allDataOk()).isTrue();
        Project opened = checked.project();
        assertThat(opened.notes()).isEqualTo(ProjectAnalysisTest.NOTES);
        assertThat(opened.scenarios()).extracting(s -> s.name()).containsExactly("raise X", "shift X");

        StoredScm scm = opened.scm().orElseThrow();
        assertThat(scm.isStale(opened)).isFalse();
        // The model as fitted today draws what the stored one does (the fit is seeded; across machines Smile's
        // training arithmetic may differ in the last bits, hence the tolerance).
        StructuralCausalModel stored = scm.fitted().model();
        StructuralCausalModel fresh = mixedFit().model();
        Observations a = stored.sample(5_000, 3);
        Observations b = fresh.sample(5_000, 3);
        for (String node : List.of("Z", "C", "B", "Y", "D", "E")) {
            assertThat(mean(a.column(node))).as(node).isCloseTo(mean(b.column(node)), within(1e-6));
        }

        Project expected = everything(scratch);
        assertThat(opened.recommenders()).extracting(StoredRecommender::id).containsExactly("mf-ips", "sasrec");
        for (StoredRecommender recommender : expected.recommenders()) {
            StoredRecommender read = opened.recommender(recommender.id()).orElseThrow();
            assertThat(read.isStale(opened)).isFalse();
            assertThat(read.model().recommend("bob", 3)).isEqualTo(recommender.model().recommend("bob", 3));
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
