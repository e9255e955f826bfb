package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.estimate.InterventionEffects;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** Notes, scenarios and their results survive saving and opening (format 3) and follow edits of the list. */
class ProjectAnalysisTest {
    @TempDir
    Path folder;

    /** Numbers compared bit for bit, so NaN equals NaN. */
    static final RecursiveComparisonConfiguration BIT_EXACT = RecursiveComparisonConfiguration.builder()
            .withEqualsForType((a, b) -> Double.doubleToLongBits(a) == Double.doubleToLongBits(b), Double.class)
            .build();

    static final String NOTES = "# True effects\n\n* `exposure -> click`: +0.08 — «ünïcode», tabs\tand\r\nCRLF\n";

    static Scenario raise(String name) {
        return new Scenario(name, List.of(Intervention.parse("X=1")), List.of(Intervention.parse("X=0")),
                List.of("Y"), null, 2_000, 3);
    }

    static Scenario shift(String name) {
        return new Scenario(name, List.of(Intervention.parse("X+=0.5")), List.of(),
                List.of("Y", "X"), "Z > 0", 1_000, -7);
    }

    /** A real result: the scenario run on a model fitted to data with a known effect of X on Y. */
    static ScenarioResult result(Scenario scenario, int replicates) {
        StructuralCausalModel truth = KnownModels.linearConfounded();
        Observations data = truth.sample(500, 12);
        FittedScm fitted = ScmFitter.fit(KnownModels.dagOf(truth), data,
                FitOptions.defaults().withChoice(ModelChoice.LINEAR), ProgressListener.NONE, CancellationToken.none());
        return InterventionEffects.run(fitted, data, scenario, replicates, 0.9, ProgressListener.NONE,
                CancellationToken.none());
    }

    static ModelFingerprint fingerprint(char digit) {
        String hex = String.valueOf(digit).repeat(64);
        return new ModelFingerprint(hex, hex, hex);
    }

    @Test
    void notesScenariosAndResultsRoundTrip() throws Exception {
        Project project = ProjectFilesRoundTripTest.sample();
        project.setNotes(NOTES);
        project.addScenario(raise("raise X"));
        project.addScenario(shift("shift X"));
        ScenarioResult withIntervals = result(raise("raise X"), 20);
        ScenarioResult withoutIntervals = result(shift("shift X"), 0);
        project.setScenarioResult(new StoredResult(withIntervals, fingerprint('a')));
        project.setScenarioResult(new StoredResult(withoutIntervals, fingerprint('b')));
        Path file = folder.resolve("p.recausal");

        ProjectFiles.save(project, file);
        Project opened = ProjectFiles.open(file);

        assertThat(opened.notes()).isEqualTo(NOTES);
        assertThat(opened.scenarios()).containsExactlyElementsOf(project.scenarios());
        StoredResult first = opened.scenarioResult("raise X").orElseThrow();
        assertThat(first.model()).isEqualTo(fingerprint('a'));
        assertThat(first.result()).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT).isEqualTo(withIntervals);
        assertThat(first.result().effects().getFirst().effectCi().lower()).isFinite();
        StoredResult second = opened.scenarioResult("shift X").orElseThrow();
        assertThat(second.result()).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT).isEqualTo(withoutIntervals);
        assertThat(second.result().effects().getFirst().ci().lower()).isNaN();
    }

    @Test
    void anEmptyAnalysisWritesNoParts() throws Exception {
        Path file = folder.resolve("p.recausal");
        ProjectFiles.save(ProjectFilesRoundTripTest.sample(), file);
        try (ProjectArchive archive = ProjectArchive.open(file)) {
            assertThat(archive.names()).containsExactly("manifest.json", "graph.json");
        }
        Project opened = ProjectFiles.open(file);
        assertThat(opened.notes()).isEmpty();
        assertThat(opened.scenarios()).isEmpty();
        assertThat(opened.scm()).isEmpty();
        assertThat(opened.recommenders()).isEmpty();
    }

    @Test
    void scenarioEditsKeepOrderAndResultsInStep() {
        Project project = ProjectFilesRoundTripTest.sample();
        project.addScenario(raise("a"));
        project.addScenario(raise("b"));
        project.addScenario(raise("c"));
        ScenarioResult result = result(raise("b"), 0);
        project.setScenarioResult(new StoredResult(result, fingerprint('1')));

        project.renameScenario("b", "b2");
        assertThat(project.scenarios()).extracting(Scenario::name).containsExactly("a", "b2", "c");
        assertThat(project.scenarioResult("b2").orElseThrow().result().scenario()).isEqualTo("b2");
        assertThat(project.scenarioResult("b")).isEmpty();

        project.moveScenario("c", 0);
        assertThat(project.scenarios()).extracting(Scenario::name).containsExactly("c", "a", "b2");

        project.replaceScenario(raise("b2"));
        assertThat(project.scenarioResult("b2")).as("an unchanged scenario keeps its result").isPresent();
        project.replaceScenario(shift("b2"));
        assertThat(project.scenarioResult("b2")).as("a changed scenario loses its result").isEmpty();

        assertThatThrownBy(() -> project.addScenario(raise("a"))).hasMessageContaining("already has a scenario 'a'");
        assertThatThrownBy(() -> project.renameScenario("a", "c")).hasMessageContaining("already has a scenario 'c'");
        assertThatThrownBy(() -> project.setScenarioResult(new StoredResult(result(raise("zz"), 0),
                fingerprint('1')))).hasMessageContaining("no scenario 'zz'");

        Project copy = project.copy();
        project.removeScenario("a");
        assertThat(copy.scenarios()).extracting(Scenario::name).containsExactly("c", "a", "b2");
        assertThat(project.scenarios()).extracting(Scenario::name).containsExactly("c", "b2");
    }
}
