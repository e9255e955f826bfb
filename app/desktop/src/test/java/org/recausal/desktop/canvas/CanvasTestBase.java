package org.recausal.desktop.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
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

    static <T> T fx(Callable<T> callable) {
        try {
            return WaitForAsyncUtils.asyncFx(callable).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
