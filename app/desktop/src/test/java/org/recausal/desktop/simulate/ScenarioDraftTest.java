package org.recausal.desktop.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Scenario;

class ScenarioDraftTest {

    private final ScenarioDraft draft = new ScenarioDraft();

    @Test
    void eachKindBecomesItsIntervention() {
        add("t", ScenarioDraft.Kind.SET, "1", false);
        add("z", ScenarioDraft.Kind.SHIFT, "-0.5", false);
        add("x", ScenarioDraft.Kind.RULE, "min(x, 3)", false);
        assertThat(draft.getInterventions()).extracting(Intervention::text).containsExactly("t=1", "z-=0.5",
                "x:=min(x, 3)");
        assertThat(draft.getInterventions()).extracting(ScenarioDraft::describe).containsExactly("do(t = 1)",
                "z -= 0.5", "x := min(x, 3)");
    }

    @Test
    void aSecondInterventionOnANodeReplacesTheFirstInItsListOnly() {
        add("t", ScenarioDraft.Kind.SET, "1", false);
        add("t", ScenarioDraft.Kind.SET, "0", true);
        add("t", ScenarioDraft.Kind.RULE, "bernoulli(0.5)", false);
        assertThat(draft.getInterventions()).extracting(Intervention::text).containsExactly("t:=bernoulli(0.5)");
        assertThat(draft.getBaseline()).extracting(Intervention::text).containsExactly("t=0");
    }

    @Test
    void badInputIsNamedAndNothingIsAdded() {
        assertThatThrownBy(() -> add(null, ScenarioDraft.Kind.SET, "1", false)).hasMessageContaining("Pick a node");
        assertThatThrownBy(() -> add("z", ScenarioDraft.Kind.SHIFT, "a lot", false)).hasMessageContaining("z")
                .hasMessageContaining("a lot");
        assertThatThrownBy(() -> add("z", ScenarioDraft.Kind.RULE, "min(z,", false))
                .hasMessageStartingWith("Intervention on z:");
        assertThatThrownBy(() -> add("z", ScenarioDraft.Kind.SET, " ", false)).hasMessageContaining("type the value");
        assertThat(draft.getInterventions()).isEmpty();
    }

    @Test
    void theScenarioCarriesBaselineSubgroupAndSettingsAndComesBack() {
        add("t", ScenarioDraft.Kind.SET, "1", false);
        add("t", ScenarioDraft.Kind.SET, "0", true);
        draft.toggleOutcome("y");
        draft.subgroupProperty().set("z > 0");
        draft.samplesProperty().set(5000);
        draft.seedProperty().set(9);
        Scenario scenario = draft.toScenario("contrast");
        assertThat(scenario.baseline()).extracting(Intervention::text).containsExactly("t=0");
        assertThat(scenario.subgroup()).isEqualTo("z > 0");
        assertThat(scenario.samples()).isEqualTo(5000);
        assertThat(scenario.seed()).isEqualTo(9);

        ScenarioDraft other = new ScenarioDraft();
        other.restore(scenario);
        assertThat(other.toScenario("contrast")).isEqualTo(scenario);
        assertThat(other.nameProperty().get()).isEqualTo("contrast");
    }

    @Test
    void aScenarioNeedsAnOutcomeAndASubgroupThatParses() {
        assertThatThrownBy(() -> draft.toScenario("s")).hasMessageContaining("outcome");
        draft.toggleOutcome("y");
        draft.subgroupProperty().set("z >");
        assertThatThrownBy(() -> draft.toScenario("s")).hasMessageStartingWith("Subgroup:");
        draft.toggleOutcome("y");
        assertThat(draft.getOutcomes()).isEmpty();
    }

    @Test
    void theCanvasMarksInterventionsBaselineAndOutcomesWithALegend() {
        add("t", ScenarioDraft.Kind.SET, "1", false);
        add("z", ScenarioDraft.Kind.SHIFT, "1", true);
        draft.toggleOutcome("y");
        var overlay = draft.overlay();
        assertThat(overlay.nodeStyles()).containsEntry("t", ScenarioDraft.INTERVENED_STYLE)
                .containsEntry("z", ScenarioDraft.BASELINE_STYLE).containsEntry("y", ScenarioDraft.OUTCOME_STYLE);
        assertThat(overlay.legend()).extracting(e -> e.styleClass()).containsExactlyInAnyOrder(
                ScenarioDraft.INTERVENED_STYLE, ScenarioDraft.BASELINE_STYLE, ScenarioDraft.OUTCOME_STYLE);
    }

    @Test
    void nodesTheModelLostAreForgotten() {
        add("t", ScenarioDraft.Kind.SET, "1", false);
        add("z", ScenarioDraft.Kind.SET, "0", true);
        draft.toggleOutcome("y");
        draft.keepOnly(List.of("t", "y"));
        assertThat(draft.getInterventions()).hasSize(1);
        assertThat(draft.getBaseline()).isEmpty();
        assertThat(draft.getOutcomes()).containsExactly("y");
    }

    private void add(String node, ScenarioDraft.Kind kind, String value, boolean baseline) {
        draft.nodeProperty().set(node);
        draft.kindProperty().set(kind);
        draft.valueProperty().set(value);
        draft.add(baseline);
    }
}
