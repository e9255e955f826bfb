package org.recausal.desktop.recsys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.chart.BarPlot;
import org.recausal.desktop.chart.LinePlot;
import org.recausal.desktop.chart.PlotData;
import org.recausal.desktop.chart.XyPlot;
import org.recausal.desktop.data.DatasetRole;
import org.recausal.desktop.data.ImportDialogModel;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.desktop.testing.TestWindows;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Recommenders panel in the real main window and the Train dialog, headless: a log attached as a dataset is
 * trained on in the background, the curves, metrics and plots show, and the project keeps the model.
 */
@ExtendWith(ApplicationExtension.class)
class RecommendersPanelFxTest {

    @TempDir
    Path temp;

    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        Stage stage = new Stage();
        window = MainWindow.create(stage, new ScriptedDialogs(), tasks,
                new RecentFiles(Files.createTempDirectory(temp, "config")));
        TestWindows.show(window);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        tasks.close();
    }

    @Test
    void trainingInTheWindowShowsCurvesMetricsAndPlotsAndKeepsTheModelInTheProject(FxRobot robot) {
        RecommendersModel model = trainSasRec(robot, 20);

        javafx.scene.Node panel = fx(() -> window.stage().getScene().lookup(".recommenders-panel"));
        java.util.function.Function<String, org.testfx.service.query.NodeQuery> find = id -> robot.from(panel).lookup(id);
        ListView<TrainedRecommender> list = find.apply("#modelList").queryListView();
        assertThat(fx(() -> list.getSelectionModel().getSelectedItem().name())).isEqualTo("SASRec on cyclic");
        LinePlot loss = find.apply("#lossPlot").query();
        LinePlot validation = find.apply("#validationPlot").query();
        assertThat(fx(() -> loss.data().series().getFirst().y().length)).isEqualTo(20);
        assertThat(fx(() -> loss.data().yLabel())).isEqualTo("binary cross-entropy");
        assertThat(fx(() -> validation.data().series().stream().map(PlotData.Series::name).toList()))
                .containsExactly("HR@10", "NDCG@10");
        assertThat(fx(() -> validation.data().series().getFirst().y().length)).isEqualTo(4);

        TabPane tabs = find.apply("#tabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        String hr = fx(() -> model.getMetricRows().stream().filter(r -> r.metric().equals("HR@10")).findFirst()
                .orElseThrow().sampled());
        assertThat(find.apply(".table-cell").queryAll()).anyMatch(cell -> hr.equals(((Labeled) cell).getText()));

        robot.interact(() -> tabs.getSelectionModel().select(2));
        BarPlot popularity = find.apply("#popularityPlot").query();
        assertThat(fx(() -> popularity.data().series().stream().map(PlotData.Series::name).toList()))
                .containsExactly("recommended (top 10)", "consumed (held-out items)");
        LinePlot cutoffs = find.apply("#cutoffPlot").query();
        assertThat(fx(() -> cutoffs.data().series().getFirst().y().length)).isEqualTo(ModelReport.KS.size());
        // Leave-one-out holds out one item per user, so Recall@K is HR@K and shares its line.
        assertThat(fx(() -> cutoffs.data().series().stream().map(PlotData.Series::name).toList()))
                .containsExactly("HR@K = Recall@K", "NDCG@K");

        assertThat(fx(() -> window.model().currentProject().recommenders().size())).isEqualTo(1);
        assertThat(fx(() -> window.model().dirtyProperty().get())).isTrue();
    }

    @Test
    void hoveringAPlotNamesThePointOrBarUnderTheMouseAndItsExportsLeaveTheMarkOut(FxRobot robot) throws Exception {
        RecommendersModel model = trainSasRec(robot, 8);
        javafx.scene.Node panel = fx(() -> window.stage().getScene().lookup(".recommenders-panel"));
        // The data panel closed and the panel dragged up to most of the window's height, as one does to read plots.
        SplitPane centre = (SplitPane) fx(() -> window.stage().getScene().lookup(".centre-split"));
        robot.interact(() -> {
            window.dataPanel().shownProperty().set(false);
            centre.setDividerPositions(0.15);
        });
        LinePlot loss = robot.from(panel).lookup("#lossPlot").query();
        Label tip = robot.from(loss).lookup(".chart-hover").query();

        EpochReport fifth = fx(() -> model.getCurve().get(4));
        robot.moveTo(fx(() -> loss.localToScreen(loss.placeOf(new XyPlot.Hit(0, 4)))));
        String expected = String.format(Locale.ROOT, "training loss · epoch %d: %.4g", fifth.epoch(), fifth.loss());
        FxWaits.waitFor(5, () -> fx(() -> tip.getText()).equals(expected));
        assertThat(fx(tip::isVisible)).isTrue();
        // The tooltip lies inside the plot, clear of the point it names.
        assertThat(fx(() -> loss.getLayoutBounds().contains(tip.getBoundsInParent()))).isTrue();
        assertThat(fx(() -> tip.getBoundsInParent().contains(loss.placeOf(new XyPlot.Hit(0, 4))))).isFalse();
        byte[] hoveredPng = export(loss::writePng, "hovered.png");
        String hoveredSvg = new String(export(loss::writeSvg, "hovered.svg"), StandardCharsets.UTF_8);

        robot.moveTo(fx(() -> panel.localToScreen(2, 2)));
        FxWaits.waitFor(5, () -> !fx(tip::isVisible));
        assertThat(fx(() -> loss.hoverTextProperty().get())).isEmpty();
        // The mark and the tooltip are on screen only: the exports are the same with the mouse away.
        assertThat(export(loss::writePng, "plain.png")).isEqualTo(hoveredPng);
        assertThat(new String(export(loss::writeSvg, "plain.svg"), StandardCharsets.UTF_8)).isEqualTo(hoveredSvg)
                .doesNotContain(expected);

        TabPane tabs = robot.from(panel).lookup("#tabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(2));
        BarPlot popularity = robot.from(panel).lookup("#popularityPlot").query();
        PopularityProfile profile = fx(() -> model.selectedProperty().get().report().popularity());
        assertThat(profile.consumed()[0]).isStrictlyBetween(0.0, 1.0);
        robot.moveTo(fx(() -> popularity.localToScreen(popularity.placeOf(new XyPlot.Hit(1, 0)))));
        String bar = String.format(Locale.ROOT, "consumed (held-out items) · 1st popularity fifth: %.4g",
                profile.consumed()[0]);
        FxWaits.waitFor(5, () -> fx(() -> popularity.hoverTextProperty().get()).equals(bar));
    }

    private byte[] export(Export export, String name) throws IOException {
        Path file = temp.resolve(name);
        fx(() -> {
            export.to(file);
            return null;
        });
        return Files.readAllBytes(file);
    }

    /** A plot's PNG or SVG export. */
    private interface Export {
        void to(Path file) throws IOException;
    }

    @Test
    void theTrainDialogShowsEachModelsSettingsAndRefusesMistypedNumbers(FxRobot robot) {
        TrainDialogModel model = new TrainDialogModel(List.of(RecsysFixtures.cyclicLog(temp)), new Dag());
        TrainDialog[] dialog = new TrainDialog[1];
        robot.interact(() -> {
            dialog[0] = new TrainDialog(window.stage(), List.of(MainWindow.stylesheet()), model);
            dialog[0].stage().show();
        });
        // Looked up in the dialog only: the main window has a problem label and a train button of its own.
        FxRobot inDialog = new FxRobot();
        java.util.function.Function<String, org.testfx.service.query.NodeQuery> find = id -> inDialog
                .from(dialog[0].stage().getScene().getRoot()).lookup(id);
        GridPane sasrec = find.apply("#sasrecGrid").query();
        GridPane mf = find.apply("#mfGrid").query();
        assertThat(fx(sasrec::isVisible)).isTrue();
        assertThat(fx(mf::isVisible)).isFalse();
        robot.interact(() -> model.kindProperty().set(ModelKind.BPR));
        assertThat(fx(sasrec::isVisible)).isFalse();
        assertThat(fx(mf::isVisible)).isTrue();
        TextField rate = find.apply("#learningRateField").query();
        assertThat(fx(() -> rate.getText())).isEqualTo("0.005");

        robot.interact(() -> rate.setText("quick"));
        Button train = find.apply("#trainButton").queryButton();
        Label problem = find.apply("#problemLabel").query();
        assertThat(fx(train::isDisabled)).isTrue();
        assertThat(fx(() -> problem.getText())).contains("Learning rate");
        robot.interact(() -> rate.setText("0.01"));
        robot.clickOn(train);
        assertThat(fx(() -> dialog[0].stage().isShowing())).isFalse();
        assertThat(model.settings().mf().learningRate()).isEqualTo(0.01f);
    }

    @Test
    void mfIpsTakesItsPropensitiesFromTheExposureMechanismFittedOnTheDag(FxRobot robot) {
        Path project = RecsysFixtures.exposureProject(temp);
        robot.interact(() -> window.model().openFile(project));
        FxWaits.waitFor(60, () -> fx(() -> window.model().currentHistory().dag().size() == 3));
        Path pairs = RecsysFixtures.exposureLog(temp);
        robot.interact(() -> attach(pairs, "pairs"));
        RecommendersModel model = window.recommendersPanel().model();
        String dataset = fx(() -> window.dataPanel().model().getDatasets().getFirst().id());
        TrainSettings settings = new TrainSettings(dataset, new TableInteractions.Columns("user_id", "item_id", null,
                "rating", null), ModelKind.MF_IPS, SplitKind.RANDOM, 0.2, 0.1, null, new MfConfig(4, 1, 200, 0.05f, 1), 0,
                "exposure");
        robot.interact(() -> model.train(settings));
        FxWaits.waitFor(120, () -> fx(() -> model.getModels().size() == 1 || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();
        TrainedRecommender trained = fx(() -> model.selectedProperty().get());
        assertThat(trained.settings().exposure()).isEqualTo("exposure");
        assertThat(trained.stored().details().path("propensities").asString()).startsWith("P(exposure = 1 | popularity)");
        assertThat(trained.report().ratings()).containsKeys("MSE", "MAE");
    }

    /** SASRec trained in the window on the cyclic log for {@code epochs} epochs, validated every fifth. */
    private RecommendersModel trainSasRec(FxRobot robot, int epochs) {
        robot.interact(() -> {
            attach(RecsysFixtures.cyclicLog(temp));
            window.recommendersPanel().shownProperty().set(true);
        });
        RecommendersModel model = window.recommendersPanel().model();
        TrainSettings settings = new TrainSettings("cyclic", new TableInteractions.Columns("user_id", "item_id",
                "timestamp", null, null), ModelKind.SASREC, SplitKind.LEAVE_ONE_OUT, 0, 0,
                new SasRecConfig(10, 16, 1, 1, 0.2f, 0.01f, 32, epochs, 3), null, 5, null);
        robot.interact(() -> model.train(settings));
        FxWaits.waitFor(120, () -> fx(() -> model.getModels().size() == 1 || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();
        return model;
    }

    private void attach(DatasetTable log) {
        attach(temp.resolve("cyclic.csv"), log.name());
    }

    private void attach(Path file, String name) {
        ImportResult result = TableReader.read(file);
        try {
            window.dataPanel().model().add(new ImportDialogModel.Imported(file, name, DatasetRole.INTERACTIONS,
                    DatasetSource.embed(file), ImportOptions.defaults(), result, ColumnInfo.of(result.table()), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fx(Callable<T> query) {
        return FxWaits.fx(query);
    }
}
