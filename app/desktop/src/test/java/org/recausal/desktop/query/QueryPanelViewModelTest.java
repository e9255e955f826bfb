package org.recausal.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.AdjustmentResult;
import org.recausal.engine.analysis.InstrumentalVariables;
import org.recausal.engine.analysis.NotADag;
import org.recausal.engine.analysis.TestableImplications;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.MoveVariables;
import org.recausal.engine.dag.edit.RemoveVariable;
import org.recausal.engine.dag.edit.RenameVariable;
import org.recausal.engine.dag.edit.UpdateVariable;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/** The query panel's view-model in plain JUnit: work runs on the test thread, the debounce waits for the test. */
class QueryPanelViewModelTest {
    private final ManualDebouncer debouncer = new ManualDebouncer();

    /** M-bias: u1 -> x, u1 -> m, u2 -> m, u2 -> y, x -> y. */
    static Dag mBias() {
        return dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME), "u1->x", "u1->m", "u2->m", "u2->y", "x->y");
    }

    /** Variables in order of first mention; roles as given, others ordinary. */
    static Dag dag(Map<String, Role> roles, String... edges) {
        Dag dag = new Dag();
        for (String edge : edges) {
            for (String name : edge.split("->")) {
                if (!dag.contains(name)) {
                    dag.addVariable(Variable.of(name).withRole(roles.getOrDefault(name, Role.ORDINARY)));
                }
            }
        }
        roles.keySet().stream().filter(name -> !dag.contains(name))
                .forEach(name -> dag.addVariable(Variable.of(name).withRole(roles.get(name))));
        for (String edge : edges) {
            String[] ends = edge.split("->");
            dag.addEdge(ends[0], ends[1]);
        }
        return dag;
    }

    private QueryPanelViewModel model(EditHistory history) {
        QueryPanelViewModel model = new QueryPanelViewModel(new SameThreadExecutor(), debouncer);
        model.setHistory(history);
        return model;
    }

    private void edit(EditHistory history, org.recausal.engine.dag.edit.DagEdit edit) {
        history.execute(edit);
        debouncer.fire();
    }

    @Test
    void theQuestionComesFromTheRolesAndIsAnsweredAtOnce() {
        QueryPanelViewModel model = model(new EditHistory(mBias()));
        assertThat(model.getVariables()).containsExactly("u1", "x", "m", "u2", "y");
        assertThat(model.getExposures()).containsExactly("x");
        assertThat(model.getOutcomes()).containsExactly("y");
        // DAGitty's M-bias answer: nothing needs adjusting, and adjusting for m would open a path.
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.EmptySetSuffices.class);
        assertThat(model.getSets()).isEmpty();
        assertThat(model.verdictProperty().get().valid()).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void withoutExposureOrOutcomeThereIsNoQuestionAndNoOverlay() {
        Dag dag = mBias();
        dag.updateVariable(dag.require("y").withRole(Role.ORDINARY));
        QueryPanelViewModel model = model(new EditHistory(dag));
        assertThat(model.answerProperty().get().kind()).isEqualTo(QueryAnswer.Kind.NO_QUESTION);
        assertThat(model.verdictProperty().get()).isNull();
        assertThat(model.getPaths()).isEmpty();
        assertThat(model.overlayProperty().get().edgeStyles()).isEmpty();
        // Implications do not need a question.
        assertThat(model.getImplications()).isNotEmpty();
        assertThat(model.instrumentSummaryProperty().get()).contains("exposure and one outcome");
    }

    @Test
    void pickingExposuresAndOutcomesIsOneUndoableRoleEdit() {
        EditHistory history = new EditHistory(mBias());
        QueryPanelViewModel model = model(history);

        model.setExposures(List.of("u1", "m"));
        assertThat(history.dag().withRole(Role.EXPOSURE)).containsExactly("u1", "m");
        assertThat(history.undoDescription()).contains("Set exposure to u1, m");
        debouncer.fire();
        assertThat(model.getExposures()).containsExactly("u1", "m");

        // The outcome picked as exposure moves over: one variable has one role.
        model.setExposures(List.of("y"));
        assertThat(history.dag().require("y").role()).isEqualTo(Role.EXPOSURE);
        debouncer.fire();
        assertThat(model.getOutcomes()).isEmpty();
        assertThat(model.answerProperty().get().kind()).isEqualTo(QueryAnswer.Kind.NO_QUESTION);

        history.undo();
        history.undo();
        debouncer.fire();
        assertThat(model.getExposures()).containsExactly("x");
        assertThat(model.getOutcomes()).containsExactly("y");
        assertThat(history.dag().withRole(Role.ORDINARY)).containsExactly("u1", "m", "u2");

        // Picking what is already there is no edit at all.
        model.setOutcomes(List.of("y"));
        assertThat(history.canRedo()).isTrue();
    }

    @Test
    void theAnswerFollowsEditsAfterTheQuietTimeOnly() {
        EditHistory history = new EditHistory(mBias());
        QueryPanelViewModel model = model(history);
        int requests = debouncer.requests();

        // Moving variables changes no answer: no run is even requested.
        history.execute(new MoveVariables(Map.of("m", new org.recausal.engine.dag.CanvasPosition(300, 40)), "Move m"));
        assertThat(debouncer.requests()).isEqualTo(requests);

        // u1 -> y makes u1 a confounder; the answer waits for the quiet time.
        history.execute(new AddEdge("u1", "y"));
        assertThat(debouncer.waiting()).isTrue();
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.EmptySetSuffices.class);
        debouncer.fire();
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.AdjustmentSets.class);
        assertThat(model.getSets()).containsExactly(Set.of("u1"));

        // u1 unmeasured: now nothing works, and the open path is named.
        edit(history, new UpdateVariable("u1", v -> v.withRole(Role.LATENT), "Make u1 latent"));
        QueryAnswer.NoAdjustmentSet none = (QueryAnswer.NoAdjustmentSet) model.answerProperty().get();
        assertThat(none.openPath()).hasToString("x <- u1 -> y");
        assertThat(none.detail()).contains("x <- u1 -> y");
        assertThat(model.getSets()).isEmpty();
    }

    @Test
    void aStaleResultNeverOverwritesANewerOne() {
        QueuedExecutor worker = new QueuedExecutor();
        EditHistory history = new EditHistory(mBias());
        QueryPanelViewModel model = new QueryPanelViewModel(worker, debouncer);
        model.setHistory(history);
        worker.runAll();
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.EmptySetSuffices.class);

        // Run 1 (for u1 -> y) finishes its work but is slow to report back...
        edit(history, new AddEdge("u1", "y"));
        QueuedExecutor.Task<?> first = worker.last().compute();
        // ... while run 2 (u1 latent) starts and reports first.
        edit(history, new UpdateVariable("u1", v -> v.withRole(Role.LATENT), "Make u1 latent"));
        QueuedExecutor.Task<?> second = worker.last();
        assertThat(model.runningProperty().get()).isTrue();
        second.deliver();
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.NoAdjustmentSet.class);
        assertThat(model.runningProperty().get()).isFalse();

        first.deliver();
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.NoAdjustmentSet.class);
        assertThat(model.getSets()).isEmpty();
    }

    @Test
    void aNewRunCancelsTheOneBeforeIt() {
        QueuedExecutor worker = new QueuedExecutor();
        EditHistory history = new EditHistory(mBias());
        QueryPanelViewModel model = new QueryPanelViewModel(worker, debouncer);
        model.setHistory(history);
        QueuedExecutor.Task<?> first = worker.last();
        edit(history, new AddEdge("u1", "y"));

        first.compute();
        assertThat(first.failure()).isInstanceOf(CancelledException.class);
        first.deliver();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.runningProperty().get()).isTrue();
        worker.last().deliver();
        assertThat(model.getSets()).containsExactly(Set.of("u1"));
    }

    @Test
    void pickingASetChecksItAndColoursItsPaths() {
        QueryPanelViewModel model = model(new EditHistory(mBias()));
        model.chooseSet(List.of("m"));

        SetVerdict verdict = model.verdictProperty().get();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.text()).isEqualTo("The biasing path x <- u1 -> m <- u2 -> y stays open given the set.");
        PathRow open = model.getPaths().getFirst();
        assertThat(open.status()).isEqualTo(PathRow.Status.OPEN_BIASING);
        assertThat(open.path()).hasToString("x <- u1 -> m <- u2 -> y");
        assertThat(open.reason()).isEqualTo("Open: the collider m is adjusted for. Adjusting for u1 or u2 would block it.");
        assertThat(model.getPaths()).extracting(PathRow::status)
                .containsExactly(PathRow.Status.OPEN_BIASING, PathRow.Status.CAUSAL);

        Map<EdgeKey, String> edges = model.overlayProperty().get().edgeStyles();
        assertThat(edges).containsEntry(new EdgeKey("u1", "x"), "path-open").containsEntry(new EdgeKey("u2", "m"), "path-open")
                .containsEntry(new EdgeKey("x", "y"), "path-causal").hasSize(5);
        assertThat(model.overlayProperty().get().nodeStyles()).isEqualTo(Map.of("m", "node-adjusted"));

        model.chooseSet(List.of());
        assertThat(model.verdictProperty().get().valid()).isTrue();
        assertThat(model.getPaths().getFirst().status()).isEqualTo(PathRow.Status.CAUSAL);
        assertThat(model.getPaths().getLast().reason())
                .isEqualTo("Blocked: the collider m is not adjusted for, nor is any of its descendants.");
        assertThat(model.overlayProperty().get().edgeStyles()).containsEntry(new EdgeKey("u1", "x"), "path-blocked");

        model.showOnCanvasProperty().set(false);
        assertThat(model.overlayProperty().get()).isEqualTo(org.recausal.desktop.canvas.CanvasOverlay.NONE);
    }

    @Test
    void aForbiddenVariableIsFlaggedWithTheReason() {
        // x -> m -> y: m is a mediator.
        QueryPanelViewModel model = model(new EditHistory(dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME),
                "x->m", "m->y", "c->x", "c->y")));
        model.chooseSet(List.of("c", "m"));
        SetVerdict verdict = model.verdictProperty().get();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.flagged()).contains("m");
        assertThat(verdict.text()).contains("m must not be adjusted for").contains("mediator");
        assertThat(model.overlayProperty().get().nodeStyles()).containsEntry("m", "node-flagged").containsEntry("c", "node-adjusted");
        assertThat(model.getPaths()).filteredOn(row -> row.path().toString().equals("x -> m -> y")).singleElement()
                .satisfies(row -> {
                    assertThat(row.status()).isEqualTo(PathRow.Status.BLOCKED);
                    assertThat(row.reason()).isEqualTo("Blocked: m is adjusted for. This causal path carries part of"
                            + " the effect, so blocking it removes that part.");
                });
        assertThat(model.overlayProperty().get().legend()).extracting(l -> l.label())
                .contains("Must not be adjusted for", "Adjusted for", "Blocked path");
    }

    @Test
    void typedSetsTakeNamesInAnyCaseAndRefuseUnknownOnes() {
        QueryPanelViewModel model = model(new EditHistory(mBias()));
        model.typeSet("{ U2, m }");
        assertThat(model.chosenSetProperty().get()).containsExactly("m", "u2");
        assertThat(model.setProblemProperty().get()).isEmpty();
        assertThat(model.verdictProperty().get().valid()).isTrue();

        model.typeSet("m, nope, zz");
        assertThat(model.setProblemProperty().get()).isEqualTo("No variables are named nope, zz.");
        assertThat(model.chosenSetProperty().get()).containsExactly("m", "u2");

        model.typeSet("  ");
        assertThat(model.chosenSetProperty().get()).isEmpty();
        assertThat(model.setProblemProperty().get()).isEmpty();
    }

    @Test
    void thePickedSetFollowsRenamesAndDeletions() {
        EditHistory history = new EditHistory(mBias());
        QueryPanelViewModel model = model(history);
        model.chooseSet(List.of("m", "u2"));
        edit(history, new RenameVariable("m", "meeting"));
        assertThat(model.chosenSetProperty().get()).containsExactly("meeting", "u2");
        assertThat(model.getVariables()).contains("meeting").doesNotContain("m");
        edit(history, new RemoveVariable("u2"));
        assertThat(model.chosenSetProperty().get()).containsExactly("meeting");
        assertThat(model.verdictProperty().get().valid()).isTrue();
    }

    @Test
    void theDirectEffectAsksForOtherSets() {
        // x -> m -> y and x -> y, with c confounding m and y: nothing to adjust for the total effect,
        // but the direct effect must block x -> m -> y, and adjusting for m opens x -> m <- c -> y.
        Dag dag = dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME), "x->m", "m->y", "x->y", "c->m", "c->y");
        QueryPanelViewModel model = model(new EditHistory(dag));
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.EmptySetSuffices.class);

        model.effectProperty().set(Effect.DIRECT);
        AdjustmentResult engine = AdjustmentAnalysis.of(dag, Effect.DIRECT).minimalSets(100);
        assertThat(engine).isEqualTo(new AdjustmentResult.AdjustmentSets(List.of(Set.of("m", "c")), false));
        assertThat(model.getSets()).containsExactly(Set.of("c", "m"));
        assertThat(model.answerProperty().get().detail()).contains("the direct effect of x on y");
        assertThat(model.identificationProperty().get()).isEmpty();

        // With the empty set the mediated path biases the direct effect.
        assertThat(model.getPaths()).filteredOn(row -> row.path().toString().equals("x -> m -> y")).singleElement()
                .satisfies(row -> {
                    assertThat(row.status()).isEqualTo(PathRow.Status.OPEN_BIASING);
                    assertThat(row.reason()).contains("causal path through m, which the direct effect leaves out");
                });
        model.chooseSet(Set.of("c", "m"));
        assertThat(model.verdictProperty().get().valid()).isTrue();
        assertThat(model.getPaths()).filteredOn(row -> row.status() != PathRow.Status.BLOCKED)
                .extracting(row -> row.path().toString()).containsExactly("x -> y");
    }

    @Test
    void frontDoorIdentificationIsSaidWhenAdjustmentFails() {
        // Pearl's front door: x -> m -> y with x and y confounded by the latent u.
        Dag dag = dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME, "u", Role.LATENT), "u->x", "u->y", "x->m", "m->y");
        QueryPanelViewModel model = model(new EditHistory(dag));
        assertThat(model.answerProperty().get()).isInstanceOf(QueryAnswer.NoAdjustmentSet.class);
        assertThat(model.identificationProperty().get())
                .isEqualTo("But the effect is identifiable by the front-door criterion through { m }.");

        // No causal path at all: the effect is zero.
        Dag unrelated = dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME), "c->x", "c->y");
        model.setHistory(new EditHistory(unrelated));
        assertThat(model.getSets()).containsExactly(Set.of("c"));
        assertThat(model.identificationProperty().get()).isEqualTo("No directed path leads from x to y: the total effect is zero.");
    }

    @Test
    void instrumentsAndImplicationsAreTheEnginesLists() {
        // A conditional instrument: z works given w.
        Dag dag = dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME, "u", Role.LATENT),
                "w->z", "w->y", "z->x", "x->y", "u->x", "u->y");
        QueryPanelViewModel model = model(new EditHistory(dag));
        assertThat(model.getInstruments()).containsExactlyElementsOf(InstrumentalVariables.of(dag, "x", "y"));
        assertThat(model.getInstruments()).extracting(Object::toString).contains("z | w");
        assertThat(model.instrumentSummaryProperty().get()).contains("conditional");
        assertThat(model.getImplications()).containsExactlyElementsOf(
                new TestableImplications(dag).all(1_000, CancellationToken.none()).implications());
        assertThat(model.implicationSummaryProperty().get())
                .isEqualTo(model.getImplications().size() + " testable implication" + (model.getImplications().size() == 1 ? "" : "s"));
    }

    @Test
    void notADagIsShownUntilTheNextEdit() {
        EditHistory history = new EditHistory(mBias());
        QueryPanelViewModel model = model(history);
        model.showNotADag(new NotADag(List.of("a", "b", "a")), "pasted DAGitty text (line 2, column 3)");
        QueryAnswer answer = model.answerProperty().get();
        assertThat(answer.kind()).isEqualTo(QueryAnswer.Kind.NOT_A_DAG);
        assertThat(answer.headline()).isEqualTo("The graph is not a DAG");
        assertThat(answer.detail()).contains("pasted DAGitty text (line 2, column 3)").contains("a \u2192 b \u2192 a");
        assertThat(model.answerText()).isEqualTo("The pasted DAGitty text (line 2, column 3) is not a DAG: a -> b -> a");

        edit(history, new AddEdge("u1", "y"));
        assertThat(model.answerProperty().get().kind()).isEqualTo(QueryAnswer.Kind.ADJUSTMENT_SETS);
        model.showNotADag(new NotADag(List.of("a", "b", "a")), "imported file");
        model.dismissNotADag();
        assertThat(model.answerProperty().get().kind()).isEqualTo(QueryAnswer.Kind.ADJUSTMENT_SETS);
    }

    @Test
    void theSampleProjectIsIdentifiedByTheRankingScore() throws Exception {
        Dag dag = ProjectFiles.open(Path.of("../../sample-projects/recommender-shop.recausal")).dag();
        QueryPanelViewModel model = model(new EditHistory(dag));
        assertThat(model.getExposures()).containsExactly("exposure");
        assertThat(model.getOutcomes()).containsExactly("purchase");
        AdjustmentResult.AdjustmentSets engine = (AdjustmentResult.AdjustmentSets) AdjustmentAnalysis
                .totalEffect(dag, List.of("exposure"), List.of("purchase")).minimalSets(100);
        assertThat(model.getSets()).containsExactlyElementsOf(engine.sets());
        assertThat(model.getSets()).containsExactly(Set.of("recommender_score", "logged_in"));

        // Only signed-in sessions are logged: logged_in is conditioned on whatever the analyst picks.
        SetVerdict nothing = model.verdictProperty().get();
        assertThat(nothing.valid()).isFalse();
        assertThat(nothing.byRole()).containsExactly(Map.entry("logged_in", Role.SELECTION));
        assertThat(nothing.text()).endsWith("logged_in (selection) is conditioned on in any case, by role.");

        model.chooseSet(model.getSets().getFirst());
        assertThat(model.verdictProperty().get().valid()).isTrue();
        assertThat(model.getPaths()).noneMatch(row -> row.status() == PathRow.Status.OPEN_BIASING);

        model.chooseSet(List.of("recommender_score", "rating"));
        assertThat(model.verdictProperty().get().flagged()).contains("rating");
        assertThat(model.verdictProperty().get().text()).startsWith("rating must not be adjusted for: it is a descendant of ");
    }

    @Test
    void textForTheClipboardIsDagittyLike() {
        Dag dag = dag(Map.of("x", Role.EXPOSURE, "y", Role.OUTCOME), "a->x", "a->m", "b->m", "b->y", "m->x", "m->y", "x->y");
        QueryPanelViewModel model = model(new EditHistory(dag));
        assertThat(model.answerText()).isEqualTo("""
                Minimal sufficient adjustment sets for estimating the total effect of x on y:
                { a, m }
                { b, m }""");
        model.chooseSet(Set.of("a", "m"));
        String report = model.reportText();
        assertThat(report).startsWith("Exposures: x\nOutcomes: y\nEffect: total\n\nMinimal sufficient adjustment sets")
                .contains("Adjusting for { a, m }: Valid: adjusting for { a, m } blocks every biasing path and opens none.")
                .contains("x -> y   Causal: the direct effect, left open.")
                .contains("Testable implications: \n" + QueryText.implications(model.getImplications()));
    }
}
