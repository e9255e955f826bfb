package org.recausal.desktop.canvas;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.layout.LayeredLayout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Figures for the canvas on a 500-variable, 2,000-edge graph: time to show it, to route every edge
 * around the boxes, cost and frame rate of a drag, time of an auto-layout. Not part of the test run
 * (its name does not end in Test); run it with {@code -Dtest=CanvasPerformanceHarness}. It prints and
 * asserts nothing: timings depend on the machine.
 *
 * <p>Frames are real JavaFX pulses (CSS, layout, render), timed with an {@link AnimationTimer}: a pulse
 * comes every 16.7 ms at most, so 60 frames/s means the drag never waits for the canvas. Headless runs
 * render with the software pipeline (prism.order=sw), slower than a GPU. Wall-clock times suffer when
 * other processes share the cores, so CPU times of the JavaFX thread and the render thread are printed
 * too: they say what a frame costs whatever else the machine is doing.
 */
class CanvasPerformanceHarness {
    private static final int VARIABLES = 500;
    private static final int EDGES = 2000;
    private static final int RUNS = 5;
    private static final int DRAG_STEPS = 120;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DagCanvas canvas;
    private long fxThread;
    private long renderThread;

    @Test
    void printFigures() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            canvas = new DagCanvas();
            stage.setScene(new Scene(canvas, 1280, 800));
            stage.show();
            fxThread = Thread.currentThread().threadId();
        });
        WaitForAsyncUtils.waitForFxEvents();
        renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().threadId();
        System.out.printf(Locale.ROOT, "Canvas figures, %d variables / %d edges (RandomDags seed 1, laid out), "
                + "median [min-max] over the runs%n", VARIABLES, EDGES);
        show();
        reroute();
        drag(1);
        drag(50);
        autoLayout();
        FxToolkit.cleanupStages();
    }

    /** setHistory (every view built), then the time until the first frame showing the graph is done. */
    private void show() throws Exception {
        double[] build = new double[RUNS];
        double[] firstFrame = new double[RUNS];
        double[] buildCpu = new double[RUNS];
        double[] frameCpu = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            EditHistory history = new EditHistory(laidOut());
            CompletableFuture<long[]> times = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                long fxStart = cpu(fxThread);
                long renderStart = cpu(renderThread);
                canvas.setHistory(history);
                long built = System.nanoTime();
                long fxBuilt = cpu(fxThread);
                afterPulses(2, () -> times.complete(new long[] {start, built, System.nanoTime(), fxBuilt - fxStart,
                    cpu(fxThread) - fxStart + cpu(renderThread) - renderStart}));
            });
            long[] t = times.get(60, TimeUnit.SECONDS);
            build[run] = ms(t[1] - t[0]);
            firstFrame[run] = ms(t[2] - t[0]);
            buildCpu[run] = ms(t[3]);
            frameCpu[run] = ms(t[4]);
        }
        print("show: build the views (setHistory), wall", build, "ms");
        print("show: build the views (setHistory), CPU", buildCpu, "ms");
        print("show: until the first frame is drawn, wall", firstFrame, "ms");
        print("show: until the first frame is drawn, CPU (FX + render)", frameCpu, "ms");
    }

    /**
     * Routing every edge around the boxes, as after a drop or when a saved project is opened (its layout
     * bends are not saved): the router alone (grid built, then each edge routed), and the canvas's full
     * re-route, which also redraws the edges whose shape changed.
     */
    private void reroute() throws Exception {
        double[] router = new double[RUNS];
        double[] routerCpu = new double[RUNS];
        double[] canvasAll = new double[RUNS];
        int[] curved = new int[1];
        for (int run = 0; run < RUNS; run++) {
            long[] t = WaitForAsyncUtils.asyncFx(() -> {
                GraphLayer graph = canvas.graphLayer();
                Map<String, EdgeGeometry.Box> boxes = new HashMap<>();
                graph.variableViews().forEach(view -> boxes.put(view.name(), view.box()));
                List<CausalEdge> edges = canvas.history().dag().edges();
                long start = System.nanoTime();
                long cpuStart = cpu(fxThread);
                EdgeRouter routes = new EdgeRouter(boxes);
                int bent = 0;
                for (CausalEdge edge : edges) {
                    bent += routes.route(edge.from(), edge.to()).curved() ? 1 : 0;
                }
                long routed = System.nanoTime();
                long cpuRouted = cpu(fxThread);
                graph.refreshAllEdges();
                curved[0] = bent;
                return new long[] {routed - start, cpuRouted - cpuStart, System.nanoTime() - routed};
            }).get();
            router[run] = ms(t[0]);
            routerCpu[run] = ms(t[1]);
            canvasAll[run] = ms(t[2]);
        }
        print("route every edge (" + curved[0] + " detour): router, wall", router, "ms");
        print("route every edge: router, CPU", routerCpu, "ms");
        print("route every edge: the canvas's full re-route, wall", canvasAll, "ms");
    }

    /**
     * Selects the {@code count} busiest variables and drags them, one step per pulse: the time our
     * handler takes per step, and the frame interval the drag actually gets.
     */
    private void drag(int count) throws Exception {
        double[] handled = new double[DRAG_STEPS];
        double[] frames = new double[DRAG_STEPS - 1];
        int[] edgeEnds = new int[1];
        long[] cpuStart = new long[2];
        long[] cpuSpent = new long[2];
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Dag dag = canvas.history().dag();
            String[] names = dag.names().stream()
                    .sorted((a, b) -> Integer.compare(degree(dag, b), degree(dag, a)))
                    .limit(count).toArray(String[]::new);
            for (String name : names) {
                edgeEnds[0] += degree(dag, name);
            }
            canvas.resetZoom();
            canvas.reveal(names[0]);
            for (int i = 1; i < names.length; i++) {
                VariableView view = canvas.graphLayer().view(names[i]);
                Point2D at = canvas.toCanvas(view.centreX(), view.centreY());
                fire(MouseEvent.MOUSE_PRESSED, at, true);
                fire(MouseEvent.MOUSE_RELEASED, at, true);
            }
            VariableView anchor = canvas.graphLayer().view(names[0]);
            Point2D start = canvas.toCanvas(anchor.centreX(), anchor.centreY());
            fire(MouseEvent.MOUSE_PRESSED, start, false);
            if (canvas.getSelectedVariables().size() != count) {
                done.completeExceptionally(new IllegalStateException("selected " + canvas.getSelectedVariables().size()));
                return;
            }
            new AnimationTimer() {
                private int step;
                private long previous;

                @Override
                public void handle(long now) {
                    if (step > 0) {
                        frames[step - 1] = ms(now - previous);
                    }
                    previous = now;
                    if (step == 0) {
                        cpuStart[0] = cpu(fxThread);
                        cpuStart[1] = cpu(renderThread);
                    }
                    if (step == DRAG_STEPS - 1) {
                        stop();
                        cpuSpent[0] = cpu(fxThread) - cpuStart[0];
                        cpuSpent[1] = cpu(renderThread) - cpuStart[1];
                        fire(MouseEvent.MOUSE_RELEASED, start.add(step * 2, step), false);
                        canvas.history().undo();
                        done.complete(null);
                        return;
                    }
                    step++;
                    long t0 = System.nanoTime();
                    fire(MouseEvent.MOUSE_DRAGGED, start.add(step * 2, step), false);
                    handled[step - 1] = ms(System.nanoTime() - t0);
                }
            }.start();
        });
        done.get(120, TimeUnit.SECONDS);
        String what = "drag " + count + " variable" + (count == 1 ? "" : "s") + " (" + edgeEnds[0] + " edges redrawn)";
        print(what + ": handler per step", Arrays.copyOf(handled, DRAG_STEPS - 1), "ms");
        print(what + ": frame interval", frames, "ms");
        double mean = Arrays.stream(frames).average().orElseThrow();
        System.out.printf(Locale.ROOT, "  %-62s %8.1f%n", what + ": frames per second", 1000 / mean);
        double fxPerFrame = ms(cpuSpent[0]) / (DRAG_STEPS - 1);
        double renderPerFrame = ms(cpuSpent[1]) / (DRAG_STEPS - 1);
        System.out.printf(Locale.ROOT, "  %-62s %8.2f ms FX thread + %.2f ms render thread%n",
                what + ": CPU per frame", fxPerFrame, renderPerFrame);
    }

    private void autoLayout() throws Exception {
        double[] times = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            EditHistory history = new EditHistory(RandomDags.generate(VARIABLES, EDGES, 1));
            long t0 = System.nanoTime();
            // Unplaced variables are laid out when shown: views, layout in the background, one move edit.
            WaitForAsyncUtils.asyncFx(() -> canvas.setHistory(history)).get();
            WaitForAsyncUtils.asyncFx(canvas::layoutTask).get().get();
            times[run] = ms(System.nanoTime() - t0);
        }
        print("show an unplaced graph, until laid out", times, "ms");
    }

    /** The random graph with the auto-layout's positions, as a saved project would have them. */
    private static Dag laidOut() {
        Dag dag = RandomDags.generate(VARIABLES, EDGES, 1);
        LayeredLayout.layout(dag).positions()
                .forEach((name, position) -> dag.updateVariable(dag.require(name).withPosition(position)));
        return dag;
    }

    private static int degree(Dag dag, String name) {
        return dag.parents(name).size() + dag.children(name).size();
    }

    private static void afterPulses(int pulses, Runnable action) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen == pulses) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private void fire(EventType<MouseEvent> type, Point2D at, boolean shift) {
        Point2D screen = canvas.localToScreen(at);
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        Event.fireEvent(canvas, new MouseEvent(type, at.getX(), at.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, shift, false, false, false, down, false, false, true, false, false,
                new PickResult(canvas, at.getX(), at.getY())));
    }

    private static long cpu(long threadId) {
        return THREADS.getThreadCpuTime(threadId);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void print(String what, double[] values, String unit) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-62s %8.2f  [%.2f-%.2f] %s%n", what, sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1], unit);
    }
}
