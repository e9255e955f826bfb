package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;

class RecommendersModelTest {

    @TempDir
    Path temp;

    private final ScriptedRecsysDialogs dialogs = new ScriptedRecsysDialogs();

    private RecommendersModel model(DatasetTable table) {
        return new RecommendersModel(() -> List.of(table), RecommendersModelTest::noGraph, dialogs, new SameThreadExecutor(), new SameThreadExecutor(),
                Runnable::run);
    }

    /** No graph and no joined data: propensities come from the log's column in these tests. */
    static CausalData noGraph() {
        return new CausalData(new Dag(), () -> {
            throw new AssertionError("the joined data are read only for propensities from the DAG");
        });
    }

    private static TrainSettings sasrec(int epochs) {
        return new TrainSettings("cyclic", columns(), ModelKind.SASREC, SplitKind.LEAVE_ONE_OUT, 0, 0,
                new SasRecConfig(10, 16, 1, 1, 0.2f, 0.01f, 32, epochs, 3), null, 5, null);
    }

    private static TableInteractions.Columns columns() {
        return new TableInteractions.Columns("user_id", "item_id", "timestamp", null, null);
    }

    @Test
    void sasrecLearnsTheCycleAndTheReportHasBothProtocols() {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        model.train(sasrec(30));

        assertThat(model.errorProperty().get()).isEmpty();
        TrainedRecommender trained = model.selectedProperty().get();
        assertThat(trained.name()).isEqualTo("SASRec on cyclic");
        List<EpochReport> curve = model.getCurve();
        assertThat(curve).hasSize(30);
        assertThat(curve.getLast().loss()).isLessThan(curve.getFirst().loss() * 0.8);
        assertThat(curve.get(4).validation()).containsKeys("HR@10", "NDCG@10");
        assertThat(curve.get(3).validation()).isEmpty();
        Map<String, Double> sampled = trained.report().ranking().get("sampled100").metrics();
        Map<String, Double> full = trained.report().ranking().get("full").metrics();
        // Chance puts the next item in a sampled top 10 about one time in ten; the cycle makes it predictable.
        assertThat(sampled.get("HR@10")).isGreaterThan(0.6);
        // Ranking against every item is at least as hard as against 100 of them, user by user.
        assertThat(full.get("HR@10")).isLessThanOrEqualTo(sampled.get("HR@10"));
        assertThat(full.get("HR@1")).isLessThanOrEqualTo(full.get("HR@5")).isLessThanOrEqualTo(full.get("HR@50"));
        assertThat(trained.report().ranking().get("full").users()).isEqualTo(RecsysFixtures.USERS);
        assertThat(model.getMetricRows()).extracting(MetricRow::metric).contains("HR@10", "NDCG@10", "Recall@10", "MRR",
                "Catalogue coverage@10", "Gini of top-10 recommendations");
        assertThat(model.getGroupRows()).hasSizeBetween(1, 3);
        double[] recommended = trained.report().popularity().recommended();
        assertThat(java.util.Arrays.stream(recommended).sum()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** A run stopped, saved with its project, reopened and resumed; and the same run uninterrupted. */
    private record Runs(TrainedRecommender resumed, TrainedRecommender uninterrupted) {
    }

    /**
     * Trains with {@code settings}, stopped after epoch {@code stopAt}; saves the project, reopens it in another panel
     * and resumes the run there to its end, which must be the weights and losses of an uninterrupted run.
     */
    private Runs stoppedSavedReopenedAndResumed(TrainSettings settings, int stopAt) throws Exception {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        Project project = new Project("shop", new Dag());
        model.setProject(project);
        model.getCurve().addListener((javafx.collections.ListChangeListener<EpochReport>) change -> {
            if (model.getCurve().size() == stopAt && model.task().isRunning()) {
                model.cancel();
            }
        });
        model.train(settings);
        TrainedRecommender stopped = model.selectedProperty().get();
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.epochsDone()).isEqualTo(stopAt);
        assertThat(stopped.stored().checkpoint().epochsDone()).isEqualTo(stopAt);
        assertThat(stopped.epochs()).hasSize(stopAt);
        assertThat(stopped.report()).isNull();
        assertThat(stopped.summary()).contains("stopped at epoch " + stopAt + " of " + settings.epochs());
        assertThat(model.statusProperty().get()).contains("Stopped").contains("epoch " + stopAt);

        Path file = temp.resolve("stopped.recausal");
        ProjectFiles.save(project, file);
        RecommendersModel reopened = model(RecsysFixtures.cyclicLog(temp));
        reopened.setProject(ProjectFiles.open(file));
        assertThat(reopened.selectedProperty().get().stopped()).isTrue();
        assertThat(reopened.selectedProperty().get().epochsDone()).isEqualTo(stopAt);
        reopened.resume();
        assertThat(reopened.errorProperty().get()).isEmpty();
        TrainedRecommender resumed = reopened.selectedProperty().get();
        assertThat(resumed.stopped()).isFalse();
        assertThat(resumed.epochs()).extracting(EpochReport::epoch).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, settings.epochs()).boxed().toList());
        assertThat(reopened.getModels()).hasSize(1);

        RecommendersModel straight = model(RecsysFixtures.cyclicLog(temp));
        straight.train(settings);
        TrainedRecommender expected = straight.selectedProperty().get();
        assertThat(weights(resumed)).containsExactly(weights(expected));
        assertThat(resumed.epochs()).extracting(EpochReport::loss)
                .containsExactlyElementsOf(expected.epochs().stream().map(EpochReport::loss).toList());
        return new Runs(resumed, expected);
    }

    private static float[] weights(TrainedRecommender model) {
        return model.stored().model() instanceof SasRecModel s ? s.params() : ((FactorModel) model.stored().model()).params();
    }

    @Test
    void aStoppedSasRecRunResumesFromTheSavedProjectToTheModelOfAnUninterruptedRun() throws Exception {
        Runs runs = stoppedSavedReopenedAndResumed(sasrec(6), 3);
        assertThat(runs.resumed().report().ranking()).isEqualTo(runs.uninterrupted().report().ranking());
    }

    /** The stopped run's best weights (kept in its checkpoint) are not its last ones, which it resumes from. */
    @Test
    void aSasRecRunStoppedAfterItsBestValidationResumesFromTheSavedProjectExactly() throws Exception {
        TrainSettings settings = new TrainSettings("cyclic", columns(), ModelKind.SASREC, SplitKind.LEAVE_ONE_OUT, 0, 0,
                new SasRecConfig(10, 16, 1, 1, 0.2f, 0.05f, 32, 14, 3), null, 1, null);
        Runs runs = stoppedSavedReopenedAndResumed(settings, 11);
        List<Double> ndcg = runs.resumed().epochs().stream().map(e -> e.validation().get("NDCG@10")).toList();
        assertThat(ndcg.get(10)).as("epoch 11 validates below an earlier epoch").isLessThan(ndcg.get(9));
    }

    private static TrainSettings bpr(int epochs) {
        return new TrainSettings("cyclic", columns(), ModelKind.BPR, SplitKind.LEAVE_ONE_OUT, 0, 0, null,
                new MfConfig(8, 0.01, epochs, 0.02f, 3), 0, null);
    }

    /** MF-IPS on the cyclic log's ratings, weighted by its propensity column, on a random split. */
    private static TrainSettings mfIps(int steps) {
        TableInteractions.Columns ratings = new TableInteractions.Columns("user_id", "item_id", "timestamp", "rating",
                "propensity");
        return new TrainSettings("cyclic", ratings, ModelKind.MF_IPS, SplitKind.RANDOM, 0.2, 0.1, null,
                new MfConfig(4, 1, steps, 0.05f, 1), 0, null);
    }

    @Test
    void aStoppedBprRunResumesFromTheSavedProjectToTheModelOfAnUninterruptedRun() throws Exception {
        Runs runs = stoppedSavedReopenedAndResumed(bpr(5), 2);
        TrainedRecommender resumed = runs.resumed();
        assertThat(resumed.kind()).isEqualTo(ModelKind.BPR);
        assertThat(resumed.epochs()).allSatisfy(e -> assertThat(e.validation()).containsKeys("HR@10", "NDCG@10"));
        assertThat(resumed.epochs().getLast().validation()).isEqualTo(runs.uninterrupted().epochs().getLast().validation());
        assertThat(resumed.report().ranking()).isEqualTo(runs.uninterrupted().report().ranking());
    }

    @Test
    void aStoppedIpsMfRunResumesFromTheSavedProjectToTheModelOfAnUninterruptedRun() throws Exception {
        Runs runs = stoppedSavedReopenedAndResumed(mfIps(40), 15);
        assertThat(runs.resumed().epochs().getLast().validation()).containsOnlyKeys("IPS-MSE", "IPS-MAE")
                .isEqualTo(runs.uninterrupted().epochs().getLast().validation());
        assertThat(runs.resumed().report().ratings()).isEqualTo(runs.uninterrupted().report().ratings());
    }

    @Test
    void ipsMfCurvesCarryTheIpsEstimateOfTheValidationError() {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        model.train(mfIps(120));
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.curveKindProperty().get()).isEqualTo(ModelKind.MF_IPS);
        assertThat(model.getCurve()).hasSize(120);
        assertThat(model.getCurve().getLast().validation()).containsOnlyKeys("IPS-MSE", "IPS-MAE");
        // Item biases alone fit these ratings: the validation error falls as the model learns them.
        assertThat(model.getCurve().getLast().validation().get("IPS-MSE"))
                .isLessThan(0.5 * model.getCurve().getFirst().validation().get("IPS-MSE"));
    }

    @Test
    void plotsExportWhereTheAnalystChoseAndAFailureIsShownNotThrown() throws Exception {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        model.train(bpr(2));
        dialogs.export = temp.resolve("curves.csv");
        model.exportPlots(org.recausal.desktop.dialog.ExportFormat.CSV, "curves",
                file -> java.nio.file.Files.writeString(file, "plot,series\n"));
        assertThat(temp.resolve("curves.csv")).hasContent("plot,series");
        assertThat(model.statusProperty().get()).isEqualTo("Exported curves.csv.");
        dialogs.export = temp.resolve("missing").resolve("curves.csv");
        model.exportPlots(org.recausal.desktop.dialog.ExportFormat.CSV, "curves", file -> {
            throw new java.io.IOException("Cannot export to " + file + ": the folder does not exist.");
        });
        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot export curves.csv: Cannot export to");
    }

    @Test
    void anExportedModelOpensWithItsCurveAndReportWithoutRetraining() {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        model.train(sasrec(5));
        TrainedRecommender trained = model.selectedProperty().get();
        dialogs.save = temp.resolve("saved.model");
        model.exportSelected();

        RecommendersModel other = model(RecsysFixtures.cyclicLog(temp));
        dialogs.open = dialogs.save;
        other.open();
        assertThat(dialogs.errors).isEmpty();
        TrainedRecommender opened = other.selectedProperty().get();
        assertThat(opened.name()).isEqualTo(trained.name());
        assertThat(opened.settings()).isEqualTo(trained.settings());
        assertThat(opened.epochs()).isEqualTo(trained.epochs());
        assertThat(other.getMetricRows()).isEqualTo(model.getMetricRows());
        assertThat(other.getGroupRows()).isEqualTo(model.getGroupRows());
        assertThat(opened.report().popularity().consumed()).containsExactly(trained.report().popularity().consumed());
    }

    @Test
    void ratingModelsReportTheirTestErrorsAndIpsEstimates() {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        model.train(mfIps(300));
        assertThat(model.errorProperty().get()).isEmpty();
        Map<String, Double> errors = model.selectedProperty().get().report().ratings();
        assertThat(errors).containsKeys("MSE", "MAE", "IPS-MSE", "SNIPS-MSE");
        // The ratings are a function of the item (5 for even items, 1-3 for odd ones): item biases alone fit them.
        assertThat(errors.get("MSE")).isLessThan(0.5);
        assertThat(model.getMetricRows()).extracting(MetricRow::metric).contains("MSE (test ratings)");
    }

    @Test
    void aDatasetThatIsNoLongerLoadedIsNamedInsteadOfTrained() {
        RecommendersModel model = new RecommendersModel(List::of, RecommendersModelTest::noGraph, dialogs, new SameThreadExecutor(),
                new SameThreadExecutor(), Runnable::run);
        model.train(sasrec(2));
        assertThat(model.errorProperty().get()).contains("'cyclic' is not loaded");
        assertThat(model.getModels()).isEmpty();
    }

    @Test
    void trainedModelsAreKeptInTheProjectAndComeBackFromIt() throws Exception {
        RecommendersModel model = model(RecsysFixtures.cyclicLog(temp));
        Project project = new Project("shop", new Dag());
        model.setProject(project);
        int[] changes = {0};
        model.setOnModelsChanged(() -> changes[0]++);
        model.train(sasrec(3));
        model.train(sasrec(2));

        assertThat(changes[0]).isEqualTo(2);
        assertThat(project.recommenders()).extracting(StoredRecommender::name)
                .containsExactly("SASRec on cyclic", "SASRec on cyclic #2");
        assertThat(project.recommenders()).extracting(StoredRecommender::id)
                .containsExactly("SASRec-on-cyclic", "SASRec-on-cyclic-2");

        Path file = temp.resolve("shop.recausal");
        ProjectFiles.save(project, file);
        RecommendersModel reopened = model(RecsysFixtures.cyclicLog(temp));
        reopened.setProject(ProjectFiles.open(file));
        assertThat(reopened.getModels()).extracting(TrainedRecommender::name)
                .containsExactly("SASRec on cyclic", "SASRec on cyclic #2");
        reopened.selectedProperty().set(reopened.getModels().getLast());
        model.selectedProperty().set(model.getModels().getLast());
        assertThat(reopened.getMetricRows()).isEqualTo(model.getMetricRows());
        assertThat(reopened.getCurve()).hasSize(2);

        assertThat(((SasRecModel) reopened.selectedProperty().get().stored().model()).params())
                .containsExactly(((SasRecModel) model.selectedProperty().get().stored().model()).params());

        model.remove(model.getModels().getFirst());
        assertThat(project.recommenders()).extracting(StoredRecommender::id).containsExactly("SASRec-on-cyclic-2");
    }

    @Test
    void aRunOfAProjectNoLongerShownIsDroppedAndLandsInNeitherProject() {
        Runnable[] pending = new Runnable[1];
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                    Consumer<? super Exception> onFailure) {
                pending[0] = () -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                };
            }
        };
        DatasetTable log = RecsysFixtures.cyclicLog(temp);
        RecommendersModel model = new RecommendersModel(() -> List.of(log), RecommendersModelTest::noGraph, dialogs, later, new SameThreadExecutor(),
                Runnable::run);
        Project first = new Project("first", new Dag());
        Project second = new Project("second", new Dag());
        model.setProject(first);
        model.train(sasrec(2));
        model.setProject(second);
        String status = model.statusProperty().get();
        pending[0].run();

        assertThat(model.getModels()).isEmpty();
        assertThat(first.recommenders()).isEmpty();
        assertThat(second.recommenders()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(status);
        assertThat(model.errorProperty().get()).isEmpty();
    }
}
