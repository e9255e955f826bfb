package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.StoredRecommender;
import org.testfx.api.FxToolkit;

/**
 * How long opening a user's explanation takes in the app, on the sample project: a SASRec trained on its clicks is
 * opened in the Explain panel's view-model as the app runs it (work on its background executor, results handed to
 * the JavaFX thread), then 50 users are explained one after the other. Each time runs from setting the recommendation
 * on the JavaFX thread to the explanation being shown there (heatmap grid, history rows, attributions,
 * counterfactual and faithfulness checks all filled). Not part of the test run (its name does not end in Test); run
 * it with {@code -Dtest=ExplainTimingHarness}. It prints median, 90th percentile and maximum and asserts nothing:
 * timings depend on the machine and its load.
 */
class ExplainTimingHarness {
    private static final int USERS = 50;

    @Test
    void explanationsOfFiftyUsers() throws Exception {
        FxToolkit.registerPrimaryStage();
        Project project = ExplainFixtures.sampleProject();
        StoredRecommender recommender = ExplainFixtures.sampleSasrec(project, 2);
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor("recausal-explain")) {
            ExplainModel model = new ExplainModel(new ScriptedDialogs(), executor, Platform::runLater);
            CountDownLatch opened = new CountDownLatch(1);
            Platform.runLater(() -> {
                model.explanationProperty().addListener((_, _, e) -> {
                    if (e != null) {
                        opened.countDown();
                    }
                });
                model.projectProperty().set(project);
                model.use(recommender);
            });
            opened.await(2, TimeUnit.MINUTES);
            List<String> users = new ArrayList<>();
            for (int u = 0; users.size() < USERS; u++) {
                if (recommender.model().histories()[u].length >= 3) {
                    users.add(recommender.model().users().id(u));
                }
            }
            double[] millis = new double[users.size()];
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                CountDownLatch shown = new CountDownLatch(1);
                long[] start = new long[1];
                long[] end = new long[1];
                Platform.runLater(() -> {
                    model.explanationProperty().addListener(new ChangeListener<>() {
                        @Override
                        public void changed(ObservableValue<? extends Explanation> p, Explanation before,
                                Explanation now) {
                            if (now != null && now.user().equals(user)) {
                                end[0] = System.nanoTime();
                                model.explanationProperty().removeListener(this);
                                shown.countDown();
                            }
                        }
                    });
                    start[0] = System.nanoTime();
                    // The panel's path: the user's top recommendation row picked, explained in the background.
                    model.userProperty().set(user);
                });
                shown.await(1, TimeUnit.MINUTES);
                millis[i] = (end[0] - start[0]) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "Explain panel, sample project, %d users (recommend top 10 + explain the"
                    + " first: heatmap, Shapley attributions, counterfactual search, faithfulness): median %.1f ms,"
                    + " p90 %.1f ms, max %.1f ms%n", millis.length, millis[millis.length / 2],
                    millis[(int) Math.ceil(0.9 * millis.length) - 1], millis[millis.length - 1]);
        }
        FxToolkit.cleanupStages();
    }
}
