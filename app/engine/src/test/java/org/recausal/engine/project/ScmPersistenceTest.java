package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.Role;
import org.recausal.engine.estimate.InterventionEffects;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.model.ModelParameters;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.AdditiveNoiseMechanism;
import org.recausal.engine.scm.DiscreteMechanism;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.simulate.RecommenderWorld;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * A fitted structural causal model saved in a project and opened again draws the very same samples, bit for bit,
 * for every kind of mechanism, and knows whether the graph or data changed since it was fitted.
 */
class ScmPersistenceTest {
    @TempDir
    Path folder;

    /**
     * Z numeric; C categorical (3 levels) of Z; B binary of Z and C; Y numeric of Z, C and B; D categorical of B and
     * C (discrete parents: a table applies); E binary of Z that is always 0 (boosted trees fall back to a table).
     */
    static StructuralCausalModel mixedTruth() {
        return new StructuralCausalModel(List.of(
                KnownModels.node("Z", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("C", Scale.categorical(List.of("lo", "mid", "hi")), List.of("Z"),
                        (p, r) -> p[0] + 0.8 * r.nextGaussian() < -0.5 ? 0 : p[0] + r.nextGaussian() < 0.6 ? 1 : 2),
                KnownModels.node("B", Scale.binary(), List.of("Z", "C"),
                        (p, r) -> r.nextDouble() < KnownModels.sigmoid(0.5 * p[0] - 0.4 * p[1] + 0.2) ? 1 : 0),
                KnownModels.node("Y", Scale.numeric(), List.of("Z", "C", "B"),
                        (p, r) -> Math.sin(p[0]) + 0.7 * p[1] + 1.5 * p[2] + 0.3 * r.nextGaussian()),
                KnownModels.node("D", Scale.categorical(List.of("a", "b", "c", "d")), List.of("B", "C"),
                        (p, r) -> (int) ((p[0] + p[1] + 4 * r.nextDouble()) % 4)),
                KnownModels.node("E", Scale.binary(), List.of("Z"), (p, r) -> 0)));
    }

    static FittedScm fit(Dag dag, Observations data, FitOptions options) {
        return ScmFitter.fit(dag, data, options, ProgressListener.NONE, CancellationToken.none());
    }

    private StoredScm roundTrip(Project project) throws Exception {
        Path file = folder.resolve("model.recausal");
        ProjectFiles.save(project, file);
        return ProjectFiles.open(file).scm().orElseThrow();
    }

    /** Samples of the world as it is and under an intervention are the same bits before and after saving. */
    private static void assertSameDraws(StructuralCausalModel before, StructuralCausalModel after, String intervention) {
        assertThat(after.names()).isEqualTo(before.names());
        for (List<Intervention> interventions : List.of(List.<Intervention>of(),
                List.of(Intervention.parse(intervention)))) {
            Observations a = before.sample(interventions, 3_000, 77);
            Observations b = after.sample(interventions, 3_000, 77);
            for (String name : before.names()) {
                assertThat(b.column(name)).as(name + " under " + interventions).isEqualTo(a.column(name));
            }
        }
        for (StructuralCausalModel.Node node : before.nodes()) {
            assertThat(after.node(node.name()).mechanism().description()).isEqualTo(node.mechanism().description());
            assertThat(after.node(node.name()).scale()).isEqualTo(node.scale());
        }
        assertThat(after.confounding()).isEqualTo(before.confounding());
    }

    private static String kind(StructuralCausalModel.Node node) {
        return switch (node.mechanism()) {
            case AdditiveNoiseMechanism m -> ModelParameters.of(m.model()).kind() + " + " + m.noise().description()
                    .replaceAll(" \\(.*", "");
            case DiscreteMechanism m -> ModelParameters.of(m.model()).kind();
            default -> throw new AssertionError(node.mechanism());
        };
    }

    @Test
    void everyMechanismKindReopensBitForBit() throws Exception {
        StructuralCausalModel truth = mixedTruth();
        Dag dag = KnownModels.dagOf(truth);
        Observations data = truth.sample(1_500, 3);
        FitOptions linear = FitOptions.defaults().withChoice(ModelChoice.LINEAR)
                .withNoise(FitOptions.NoiseKind.GAUSSIAN);
        FitOptions boosted = FitOptions.defaults().withChoice(ModelChoice.BOOSTED).withSeed(9);
        FitOptions tables = FitOptions.defaults().withChoice("D", ModelChoice.TABLE);
        Set<String> kinds = new TreeSet<>();
        for (FitOptions options : List.of(linear, boosted, tables)) {
            FittedScm fitted = fit(dag, data, options);
            Project project = new Project("mixed", dag);
            project.setScm(StoredScm.of(fitted, project));

            StoredScm reopened = roundTrip(project);

            assertSameDraws(fitted.model(), reopened.fitted().model(), "C=hi");
            assertThat(reopened.fitted().fits()).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT)
                    .isEqualTo(fitted.fits());
            assertThat(reopened.fitted().options()).isEqualTo(options);
            assertThat(reopened.fitted().rows()).isEqualTo(1_500);
            assertThat(reopened.fittedOn()).isEqualTo(project.scm().orElseThrow().fittedOn());
            assertThat(reopened.isStale(project)).isFalse();
            reopened.fitted().model().nodes().forEach(n -> kinds.add(kind(n)));
        }
        assertThat(kinds).contains("linear + normal noise", "linear + empirical noise",
                "boosted-regression + empirical noise", "logistic", "multinomial", "table", "boosted-classifier");
        // Boosted trees on a three-level node: one group of trees per class.
        FittedScm fitted = fit(dag, data, boosted);
        DiscreteMechanism c = (DiscreteMechanism) fitted.model().node("C").mechanism();
        assertThat(ModelParameters.of(c.model()).integers().get("classes")).containsExactly(0, 1, 2);
    }

    @Test
    void theRecommenderWorldModelReopensWithTheSameEffects() throws Exception {
        Observations data = RecommenderWorld.observedData(2_500, 21);
        Dag dag = RecommenderWorld.dag();
        FittedScm fitted = fit(dag, data, FitOptions.defaults());
        Project project = new Project("shop", dag);
        project.setScm(StoredScm.of(fitted, project));

        StoredScm reopened = roundTrip(project);

        assertSameDraws(fitted.model(), reopened.fitted().model(), "exposure=1");
        assertThat(reopened.fitted().model().confounding()).isNotEmpty();
        List<Intervention> treated = List.of(Intervention.parse("discount=1"));
        List<Intervention> control = List.of(Intervention.parse("discount=0"));
        Scenario scenario = new Scenario("discount", treated, control, List.of("item_price"), null, 20_000, 5);
        ScenarioResult before = InterventionEffects.run(fitted, data, scenario, 0, 0.95, ProgressListener.NONE,
                CancellationToken.none());
        ScenarioResult after = InterventionEffects.run(reopened.fitted(), data, scenario, 0, 0.95,
                ProgressListener.NONE, CancellationToken.none());
        assertThat(after).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT).isEqualTo(before);
        // The fitted model finds the world's effect of a discount on prices (20% off), up to the fit's error.
        double truth = RecommenderWorld.trueEffect("item_price", treated, control, 200_000, 5).effect();
        assertThat(truth).isNegative();
        assertThat(before.effects().getFirst().effect()).isCloseTo(truth, org.assertj.core.data.Percentage.withPercentage(25));
    }

    @Test
    void aModelThatWasNotFittedIsNotSavedAndTheOldFileStays() throws Exception {
        Path file = folder.resolve("kept.recausal");
        Project project = new Project("shop", RecommenderWorld.dag());
        ProjectFiles.save(project, file);
        byte[] before = Files.readAllBytes(file);
        FittedScm truth = new FittedScm(RecommenderWorld.model(), List.of(), FitOptions.defaults(), 0);
        project.setScm(StoredScm.of(truth, project));

        assertThatThrownBy(() -> ProjectFiles.save(project, file)).isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("Cannot save kept.recausal: the mechanism of 'user_tenure' (")
                .hasMessageEndingWith(") is not a fitted one and cannot be saved");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void theSameModelSavesToTheSameBytes() throws Exception {
        StructuralCausalModel truth = mixedTruth();
        Dag dag = KnownModels.dagOf(truth);
        Project project = new Project("mixed", dag);
        project.setScm(StoredScm.of(fit(dag, truth.sample(800, 4), FitOptions.defaults().withChoice(
                ModelChoice.BOOSTED)), project));
        Path first = folder.resolve("a.recausal");
        Path second = folder.resolve("b.recausal");

        ProjectFiles.save(project, first);
        ProjectFiles.save(ProjectFiles.open(first), second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (ProjectArchive archive = ProjectArchive.open(first)) {
            assertThat(archive.names()).containsExactly("manifest.json", "graph.json", "scm/model.json",
                    "scm/arrays.bin");
        }
    }

    @Test
    void aModelIsStaleOnceTheGraphDataOrOptionsChangeButNotWhenNodesMove() throws Exception {
        Project project = V2FixturesTest.withData(folder);
        FitOptions options = FitOptions.defaults();
        StoredScm stored = new StoredScm(fit(KnownModels.dagOf(KnownModels.linearConfounded()),
                KnownModels.linearConfounded().sample(200, 1), options), ModelFingerprint.of(project, options));
        project.setScm(stored);
        assertThat(stored.isStale(project)).isFalse();

        String first = project.dag().names().getFirst();
        project.dag().updateVariable(project.dag().require(first).at(999, 999).withDescription("moved"));
        assertThat(stored.isStale(project)).as("moving a node").isFalse();
        project.dag().updateVariable(project.dag().require(first).withRole(Role.EXPOSURE));
        assertThat(stored.isStale(project)).as("marking the exposure").isFalse();

        Project reordered = project.copy();
        String last = reordered.dag().names().getLast();
        Variable moved = reordered.dag().require(last);
        List<CausalEdge> edges = reordered.dag().removeVariable(last);
        reordered.dag().addVariable(moved, 0);
        edges.forEach(e -> reordered.dag().addEdge(e.from(), e.to(), e.note()));
        assertThat(reordered.dag().names().getFirst()).isEqualTo(last);
        assertThat(stored.isStale(reordered)).as("listing the variables in another order").isFalse();

        Project hidden = project.copy();
        hidden.dag().updateVariable(hidden.dag().require(first).withRole(Role.LATENT));
        assertThat(stored.changesSince(hidden)).as("making a variable latent").containsExactly("the graph");

        Project edited = project.copy();
        edited.dag().removeEdge(edited.dag().edges().getFirst().from(), edited.dag().edges().getFirst().to());
        assertThat(stored.changesSince(edited)).containsExactly("the graph");

        Project remapped = project.copy();
        Dataset interactions = remapped.dataset("interactions").orElseThrow();
        remapped.replaceDataset(interactions.withMapping(interactions.mapping().withAutomatic("item")));
        assertThat(stored.changesSince(remapped)).containsExactly("the data");

        Project refit = project.copy();
        assertThat(new StoredScm(stored.fitted(), ModelFingerprint.of(refit, options.withSeed(2)))
                .changesSince(refit)).containsExactly("the fit options");

        Path file = folder.resolve("stale.recausal");
        ProjectFiles.save(edited, file);
        Project reopened = ProjectFiles.open(file);
        assertThat(reopened.scm().orElseThrow().changesSince(reopened)).containsExactly("the graph");
    }
}
