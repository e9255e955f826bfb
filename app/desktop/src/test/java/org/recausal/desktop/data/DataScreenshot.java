package org.recausal.desktop.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

/**
 * Pictures of the data views for review, run under Xvfb with GTK (not a test): a recommender graph, 20,000
 * simulated impressions in which the dwell time depends on the position although the graph says it does not, the
 * import dialog, the data view, and the check with the rejected implication selected. Writes
 * {@code import.png}, {@code table.png}, {@code check.png} and {@code combined.png} (table over check) to the folder
 * given as the first argument.
 */
public final class DataScreenshot {

    private static Path out;

    private DataScreenshot() {
    }

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        // Launched through a nested class: a main class that is an Application needs JavaFX on the module path.
        Application.launch(Shots.class, args);
    }

    /** Opens the window and takes the pictures step by step. */
    public static final class Shots extends Application {
    private final List<Runnable> steps = new ArrayList<>();

    @Override
    public void start(Stage stage) throws Exception {
        Path work = Files.createTempDirectory("dataui-shot");
        Path project = work.resolve("recommender.recausal");
        ProjectFiles.save(new Project("recommender", graph()), project);
        Path data = simulate(work.resolve("impressions.csv"), 20_000, 2024);
        BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
        MainWindow window = MainWindow.create(stage, new FxDialogService(stage, MainWindow.stylesheet()), tasks,
                new RecentFiles(work.resolve("config")), new FxDataDialogs(stage, List.of(MainWindow.stylesheet())),
                new BackgroundTaskExecutor());
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.setX(0);
        stage.setY(0);
        window.show();
        DataPanelModel model = window.dataPanel().model();
        java.util.function.Supplier<TabPane> tabs = () -> (TabPane) stage.getScene().lookup(".data-tabs");

        steps.add(() -> window.model().openFile(project));
        steps.add(() -> {
            ImportDialogModel dialogModel = new ImportDialogModel(new ProgressTask(tasks, Platform::runLater),
                    new ProgressTask(tasks, Platform::runLater), List.of());
            dialogModel.fileProperty().set(data);
            ImportDialog dialog = new ImportDialog(stage, List.of(MainWindow.stylesheet()), dialogModel,
                    java.util.Optional::empty);
            dialog.stage().setX(200);
            dialog.stage().setY(90);
            dialog.stage().show();
            later(2500, () -> {
                dialogModel.setColumnType("position", org.recausal.engine.data.ColumnType.INTEGER);
                later(1500, () -> {
                    write(dialog.stage().getScene(), "import.png");
                    dialog.stage().close();
                    next();
                });
            });
        });
        steps.add(() -> {
            model.add(DataFixtures.imported(data, DatasetRole.INTERACTIONS, null));
            model.runCheck();
        });
        steps.add(() -> {
            tabs.get().getSelectionModel().select(0);
            later(1500, () -> {
                write(stage.getScene(), "table.png");
                next();
            });
        });
        steps.add(() -> {
            tabs.get().getSelectionModel().select(3);
            @SuppressWarnings("unchecked")
            TableView<DataCheckModel.Row> checks = (TableView<DataCheckModel.Row>) stage.getScene()
                    .lookup("#checkTable");
            checks.getItems().stream().filter(DataCheckModel.Row::rejected).findFirst()
                    .ifPresent(row -> checks.getSelectionModel().select(row));
            later(1500, () -> {
                write(stage.getScene(), "check.png");
                combine("table.png", "check.png", "combined.png");
                Platform.exit();
                System.exit(0);
            });
        });
        // Each step waits for the work of the one before: the project, the dialog, the import and the check.
        window.model().historyProperty().addListener((_, _, _) -> later(800, this::next));
        model.check().reportProperty().addListener((_, _, report) -> {
            if (report != null) {
                later(800, this::next);
            }
        });
        later(1500, this::next);
    }

    private void next() {
        if (!steps.isEmpty()) {
            steps.removeFirst().run();
        }
    }
    }

    private static void later(double millis, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(_ -> action.run());
        pause.play();
    }

    /** Impressions of a recommender: who, what, where on the page, clicked or not, how long they stayed. */
    static Dag graph() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("popularity", Role.ORDINARY, DataType.CONTINUOUS).at(160, 60));
        dag.addVariable(Variable.of("user_activity", Role.ORDINARY, DataType.CONTINUOUS).at(480, 60));
        dag.addVariable(Variable.of("price", Role.ORDINARY, DataType.CONTINUOUS).at(720, 60));
        dag.addVariable(Variable.of("position", Role.EXPOSURE, DataType.COUNT).at(160, 180));
        dag.addVariable(Variable.of("clicked", Role.OUTCOME, DataType.BINARY).at(400, 260));
        dag.addVariable(Variable.of("dwell_time", Role.ORDINARY, DataType.CONTINUOUS).at(560, 360));
        dag.addVariable(Variable.of("satisfaction", Role.ORDINARY, DataType.CONTINUOUS).at(800, 360));
        dag.addEdge("popularity", "position");
        dag.addEdge("popularity", "clicked");
        dag.addEdge("position", "clicked");
        dag.addEdge("user_activity", "clicked");
        dag.addEdge("price", "clicked");
        dag.addEdge("clicked", "dwell_time");
        dag.addEdge("user_activity", "dwell_time");
        dag.addEdge("dwell_time", "satisfaction");
        return dag;
    }

    /** Simulated impressions; the dwell time also grows with the position, which the graph denies. */
    static Path simulate(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        String[] devices = {"mobile", "mobile", "mobile", "desktop", "desktop", "tablet"};
        StringBuilder text = new StringBuilder("session_id,timestamp,device,user_activity,popularity,price,position,"
                + "clicked,dwell_time\n");
        for (int row = 0; row < rows; row++) {
            double activity = random.nextGaussian();
            double popularity = random.nextGaussian();
            double price = Math.exp(2.5 + 0.6 * random.nextGaussian());
            long position = Math.max(1, Math.min(10, Math.round(5 - 1.6 * popularity + 1.5 * random.nextGaussian())));
            double logit = -0.6 + 0.5 * popularity - 0.22 * position + 0.5 * activity - 0.02 * (price - 14);
            boolean clicked = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            double dwell = Math.max(0, 18 + 9 * (clicked ? 1 : 0) + 4 * activity + 0.9 * position
                    + 5 * random.nextGaussian());
            String dwellText = random.nextInt(200) == 0 ? "" : String.format(Locale.ROOT, "%.1f", dwell);
            text.append("s").append(100_000 + random.nextInt(6_000)).append(',')
                    .append(1_717_200_000L + row * 37L + random.nextInt(30)).append(',')
                    .append(devices[random.nextInt(devices.length)]).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f,%.2f,", activity, popularity, price))
                    .append(position).append(',').append(clicked).append(',').append(dwellText).append('\n');
        }
        return Files.writeString(file, text);
    }

    private static void write(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        try {
            ImageIO.write(toBuffered(image), "png", out.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return buffered;
    }

    private static void combine(String top, String bottom, String name) {
        try {
            BufferedImage a = ImageIO.read(out.resolve(top).toFile());
            BufferedImage b = ImageIO.read(out.resolve(bottom).toFile());
            BufferedImage both = new BufferedImage(Math.max(a.getWidth(), b.getWidth()), a.getHeight() + b.getHeight(),
                    BufferedImage.TYPE_INT_ARGB);
            both.getGraphics().drawImage(a, 0, 0, null);
            both.getGraphics().drawImage(b, 0, a.getHeight(), null);
            ImageIO.write(both, "png", out.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
