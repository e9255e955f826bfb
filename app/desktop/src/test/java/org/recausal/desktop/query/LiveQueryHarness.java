package org.recausal.desktop.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.DagEdit;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.MoveVariables;
import org.recausal.engine.dag.edit.RemoveEdge;
import org.recausal.engine.dag.edit.UpdateVariable;
import org.recausal.engine.layout.LayeredLayout;
import org.recausal.engine.task.CancelledException;
import org.testfx.api.FxToolkit;

/**
 * Figures for the live analysis on a 1,000-variable, 2,000-edge graph (RandomDags seed 7): how much
 * UI-thread CPU time an edit, a settled burst, an arriving result and each pulse's CSS and layout
 * cost, and the gaps between frames, with the query panel and its analysis running and, as a
 * baseline, with the canvas alone. CPU time of the thread, not wall time, so that other work on a
 * shared machine does not count. Edits come
 * in bursts of five, 40 ms apart, with pauses of 0.45 s and 3 s in turn, so runs start, get cancelled
 * and finish while the analyst edits. Not part of the test run (its name does not end in Test); run it with
 * {@code -Dtest=LiveQueryHarness}. It prints and asserts nothing: timings depend on the machine.
 */
class LiveQueryHarness {
    private static final int VARIABLES = 1_000;
    private static final int EDGES = 2_000;
    private static final int BURSTS = 12;
    private static final int EDITS_PER_BURST = 5;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final List<Double> editMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> settleMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> resultMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> computeMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> frameGaps = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> pulseMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> resultPulseMs = Collections.synchronizedList(new ArrayList<>());
    /** Set when a result was shown: the next pulse's CSS and layout are the result's. */
    private volatile boolean resultPending;
    private long pulseStart;
    private final AtomicInteger cancelled = new AtomicInteger();

    private volatile boolean measuring;

    @Test
    void printFigures() throws Exception {
        FxToolkit.registerPrimaryStage();
        // Building a thousand views on a busy machine can take longer than TestFX's default half minute.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        System.out.printf(Locale.ROOT, "Live query figures, %d variables / %d edges, %d bursts of %d edits; median / p95 / max ms%n",
                VARIABLES, EDGES, BURSTS, EDITS_PER_BURST);
        session(true);
        report("with the query panel and its analysis");
        clear();
        session(false);
        report("canvas alone (baseline)");
        FxToolkit.cleanupStages();
    }

    private void session(boolean withPanel) throws Exception {
        Dag dag = laidOut(RandomDags.generate(VARIABLES, EDGES, 7));
        List<String> order = dag.topologicalOrder();
        String exposure = order.get(VARIABLES / 5);
        String outcome = farthestDescendant(dag, exposure);
        dag.updateVariable(dag.require(exposure).withRole(Role.EXPOSURE));
        dag.updateVariable(dag.require(outcome).withRole(Role.OUTCOME));
        EditHistory history = new EditHistory(dag);
        BackgroundTaskExecutor worker = new BackgroundTaskExecutor("harness-analysis");
        DagCanvas[] canvas = new DagCanvas[1];
        QueryPanelViewModel[] model = new QueryPanelViewModel[1];
        FxToolkit.setupStage(stage -> {
            canvas[0] = new DagCanvas();
            BorderPane pane = new BorderPane(canvas[0]);
            if (withPanel) {
                model[0] = new QueryPanelViewModel(timed(worker), timed(new FxDebouncer(QueryPanelViewModel.QUIET_TIME)));
                QueryPanelController controller = new QueryPanelController(model[0]);
                FXMLLoader loader = new FXMLLoader(QueryPanelController.class.getResource("/org/recausal/desktop/ui/query-panel.fxml"));
                loader.setControllerFactory(type -> controller);
                try {
                    pane.setLeft(loader.load());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                controller.attach(new javafx.beans.property.SimpleObjectProperty<>(history), canvas[0]);
            }
            canvas[0].setHistory(history);
            Scene scene = new Scene(pane, 1280, 800);
            scene.getStylesheets().add(org.recausal.desktop.window.MainWindow.stylesheet());
            // CSS and layout of each pulse, from just before to just after them.
            scene.addPreLayoutPulseListener(() -> pulseStart = cpu());
            scene.addPostLayoutPulseListener(() -> {
                if (measuring) {
                    double ms = (cpu() - pulseStart) / 1e6;
                    (resultPending ? resultPulseMs : pulseMs).add(ms);
                    resultPending = false;
                }
            });
            stage.setScene(scene);
            stage.show();
        });
        if (withPanel) {
            waitFor(() -> model[0].answerProperty().get() != null && !model[0].runningProperty().get(), 60_000);
            computeMs.clear();
            resultMs.clear();
            settleMs.clear();
        }

        long[] last = {0};
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    frameGaps.add((now - last[0]) / 1e6);
                }
                last[0] = now;
            }
        };
        onFx(() -> {
            frames.start();
            resultPending = false;
            measuring = true;
        });
        Random random = new Random(11);
        for (int burst = 0; burst < BURSTS; burst++) {
            for (int i = 0; i < EDITS_PER_BURST; i++) {
                DagEdit edit = onFxGet(() -> randomEdit(history.dag(), random, exposure, outcome));
                onFx(() -> {
                    long t0 = cpu();
                    history.execute(edit);
                    editMs.add((cpu() - t0) / 1e6);
                });
                Thread.sleep(40);
            }
            // Short pauses cancel the run the burst started; long ones let it finish and show its result.
            Thread.sleep(burst % 2 == 0 ? 450 : 3000);
        }
        if (withPanel) {
            waitFor(() -> !model[0].runningProperty().get(), 60_000);
        }
        onFx(() -> {
            frames.stop();
            measuring = false;
        });
        worker.close();
    }

    /** Adds an edge along the causal order, removes one, marks a variable adjusted, or moves one. */
    private static DagEdit randomEdit(Dag dag, Random random, String exposure, String outcome) {
        List<String> order = dag.topologicalOrder();
        List<String> names = dag.names();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int tries = 0; tries < 100; tries++) {
                    int a = random.nextInt(order.size());
                    int b = random.nextInt(order.size());
                    String from = order.get(Math.min(a, b));
                    String to = order.get(Math.max(a, b));
                    if (a != b && !dag.hasEdge(from, to)) {
                        return new AddEdge(from, to);
                    }
                }
                throw new IllegalStateException("no edge to add");
            }
            case 1 -> {
                List<CausalEdge> edges = dag.edges();
                CausalEdge edge = edges.get(random.nextInt(edges.size()));
                return new RemoveEdge(edge.from(), edge.to());
            }
            case 2 -> {
                String name;
                do {
                    name = names.get(random.nextInt(names.size()));
                } while (name.equals(exposure) || name.equals(outcome));
                Role role = dag.require(name).role() == Role.ADJUSTED ? Role.ORDINARY : Role.ADJUSTED;
                return new UpdateVariable(name, v -> v.withRole(role), "Make " + name + " " + role.label());
            }
            default -> {
                Variable v = dag.require(names.get(random.nextInt(names.size())));
                return new MoveVariables(Map.of(v.name(), new CanvasPosition(v.position().x() + 20, v.position().y())),
                        "Move " + v.name());
            }
        }
    }

    private TaskExecutor timed(TaskExecutor inner) {
        return new TaskExecutor() {
            @Override
            public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                    Consumer<? super Exception> onFailure) {
                inner.run(description, () -> {
                    long t0 = cpu();
                    try {
                        return work.call();
                    } finally {
                        computeMs.add((cpu() - t0) / 1e6);
                    }
                }, result -> {
                    long t0 = cpu();
                    onSuccess.accept(result);
                    resultMs.add((cpu() - t0) / 1e6);
                    resultPending = true;
                }, failure -> {
                    if (failure instanceof CancelledException) {
                        cancelled.incrementAndGet();
                    }
                    onFailure.accept(failure);
                });
            }
        };
    }

    private Debouncer timed(Debouncer inner) {
        return action -> inner.request(() -> {
            long t0 = cpu();
            action.run();
            settleMs.add((cpu() - t0) / 1e6);
        });
    }

    private void report(String what) {
        System.out.println(" " + what + ":");
        print("UI thread CPU per edit (history.execute: canvas + panel listeners)", editMs);
        print("UI thread CPU per pulse, CSS + layout", pulseMs);
        if (!settleMs.isEmpty()) {
            print("UI thread CPU per settled burst (pickers, snapshot, start run)", settleMs);
            print("UI thread CPU per result shown (properties, lists, overlay)", resultMs);
            print("UI thread CPU, CSS + layout of the pulse after a result", resultPulseMs);
            print("worker CPU per run (graph from snapshot, analysis; cancelled too)", computeMs);
            System.out.printf(Locale.ROOT, "  %-66s %d of %d%n", "runs cancelled by a newer one", cancelled.get(), computeMs.size());
        }
        print("gap between frames (wall clock, software rendering)", frameGaps);
        long late = frameGaps.stream().filter(gap -> gap > 1000.0 / 60 * 1.5).count();
        System.out.printf(Locale.ROOT, "  %-66s %d of %d%n", "frames later than 25 ms", late, frameGaps.size());
    }

    private void clear() {
        editMs.clear();
        settleMs.clear();
        resultMs.clear();
        computeMs.clear();
        frameGaps.clear();
        pulseMs.clear();
        resultPulseMs.clear();
        cancelled.set(0);
    }

    private static void print(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-66s (none)%n", what);
            return;
        }
        System.out.printf(Locale.ROOT, "  %-66s %7.2f %7.2f %8.2f  (n=%d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.95))), sorted.getLast(),
                sorted.size());
    }

    /** CPU time of the calling thread: what the work costs, whatever else the machine is doing. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static String farthestDescendant(Dag dag, String from) {
        List<String> order = dag.topologicalOrder();
        for (int i = order.size() - 1; i > order.indexOf(from); i--) {
            if (dag.directedPath(from, order.get(i)).isPresent()) {
                return order.get(i);
            }
        }
        throw new IllegalStateException(from + " has no descendant");
    }

    private static Dag laidOut(Dag dag) {
        LayeredLayout.layout(dag).positions()
                .forEach((name, position) -> dag.updateVariable(dag.require(name).withPosition(position)));
        return dag;
    }

    private static void onFx(Runnable action) throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(action).get();
    }

    private static <T> T onFxGet(Callable<T> action) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(action).get();
    }

    private static void waitFor(Callable<Boolean> condition, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!onFxGet(condition)) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }
}
