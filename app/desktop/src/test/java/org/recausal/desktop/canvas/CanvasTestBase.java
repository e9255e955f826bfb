package org.recausal.desktop.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.EditHistory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A fresh canvas in a 900x650 window per test, with helpers that speak canvas units. */
abstract class CanvasTestBase {
    static {
        // Robot moves in 20 steps instead of up to 200: drags still pass through the canvas, in a tenth of the time.
        System.setProperty("testfx.robot.move_max_count", "20");
    }

    static final double WIDTH = 900;
    static final double HEIGHT = 650;

    final FxRobot robot = new FxRobot();
    DagCanvas canvas;
    EditHistory history;
    final List<String> refusals = new ArrayList<>();

    @BeforeEach
    void showCanvas() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeCanvas() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private void start(Stage stage) {
        canvas = new DagCanvas();
        history = new EditHistory(new Dag());
        canvas.setHistory(history);
        canvas.setOnEditRefused(refusals::add);
        stage.setScene(new Scene(canvas, WIDTH, HEIGHT));
        stage.show();
        canvas.requestFocus();
    }

    Dag dag() {
        return history.dag();
    }

    /** Shows a new graph: variables "name@x,y" and edges "a->b". */
    void show(List<String> variables, List<String> edges) {
        Dag dag = new Dag();
        for (String spec : variables) {
            String[] parts = spec.split("[@,]");
            dag.addVariable(Variable.of(parts[0]).at(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
        }
        for (String edge : edges) {
            String[] ends = edge.split("->");
            dag.addEdge(ends[0], ends[1]);
        }
        history = new EditHistory(dag);
        robot.interact(() -> canvas.setHistory(history));
    }

    /** The screen point showing canvas units (x, y). */
    Point2D screen(double x, double y) {
        return fx(() -> canvas.localToScreen(canvas.toCanvas(x, y)));
    }

    /** The screen point at the centre of variable {@code name}. */
    Point2D centreOf(String name) {
        return fx(() -> {
            VariableView view = canvas.graphLayer().view(name);
            return canvas.localToScreen(canvas.toCanvas(view.centreX(), view.centreY()));
        });
    }

    /** The screen point on the middle of the drawn edge {@code from -> to}. */
    Point2D middleOf(String from, String to) {
        return fx(() -> {
            double[] samples = canvas.graphLayer().edgeView(new CanvasOverlay.EdgeKey(from, to)).shape().samples();
            int middle = samples.length / 4 * 2;
            double x = samples.length == 4 ? (samples[0] + samples[2]) / 2 : samples[middle];
            double y = samples.length == 4 ? (samples[1] + samples[3]) / 2 : samples[middle + 1];
            return canvas.localToScreen(canvas.toCanvas(x, y));
        });
    }

    /** Where the connector ring of {@code name} is on screen. */
    Point2D ringOf(String name) {
        return fx(() -> {
            VariableView view = canvas.graphLayer().view(name);
            return canvas.localToScreen(canvas.toCanvas(view.centreX(), view.centreY() + VariableView.HEIGHT / 2));
        });
    }

    /** Presses at {@code from}, moves to {@code to} in steps and releases there. */
    void drag(Point2D from, Point2D to, MouseButton button) {
        robot.moveTo(from).press(button).moveTo(to).release(button);
    }

    /** Runs the auto-layout and waits until it is applied. */
    void autoLayout() {
        robot.interact(canvas::autoLayout);
        waitForLayout();
    }

    void waitForLayout() {
        try {
            fx(canvas::layoutTask).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    double zoom() {
        return fx(() -> canvas.zoomProperty().get());
    }

    static <T> T fx(Callable<T> callable) {
        try {
            return WaitForAsyncUtils.asyncFx(callable).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
