package org.recausal.desktop.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Scenario;

/**
 * The scenario being built: interventions (do(X = x), shifts, rules and stochastic policies), the baseline they are
 * compared with (the world as it is, or other interventions), the outcomes, an optional subgroup, and how many
 * samples from which seed. The canvas selection feeds its node; {@link #overlay()} marks it on the canvas.
 */
public final class ScenarioDraft {

    /** How an intervention changes its node. */
    public enum Kind {
        SET("do(X = x)", "value", "value", "="),
        SHIFT("shift X += d", "shift by", "shift", "+="),
        RULE("rule X := f(X)", "f(X), e.g. min(X, 3)", "rule", ":=");

        private final String label;
        private final String prompt;
        private final String noun;
        private final String operator;

        Kind(String label, String prompt, String noun, String operator) {
            this.label = label;
            this.prompt = prompt;
            this.noun = noun;
            this.operator = operator;
        }

        /** What the value field asks for. */
        public String prompt() {
            return prompt;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String INTERVENED_STYLE = "node-intervened";
    static final String BASELINE_STYLE = "node-baseline";
    static final String OUTCOME_STYLE = "node-simulated";

    private final StringProperty node = new SimpleStringProperty(this, "node");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.SET);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ObservableList<Intervention> interventions = FXCollections.observableArrayList();
    private final ObservableList<Intervention> baseline = FXCollections.observableArrayList();
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final StringProperty subgroup = new SimpleStringProperty(this, "subgroup", "");
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", 20_000);
    private final IntegerProperty replicates = new SimpleIntegerProperty(this, "replicates", 30);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");

    /**
     * Adds the intervention the editor describes to the scenario, or to its baseline, replacing one on the same
     * node there.
     *
     * @throws IllegalArgumentException naming the node and what is wrong
     */
    public void add(boolean toBaseline) {
        String target = node.get();
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Pick a node to intervene on: click it on the canvas or choose it.");
        }
        String given = value.get() == null ? "" : value.get().strip();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("Intervention on " + target + ": type the " + kind.get().noun
                    + " first.");
        }
        Intervention intervention;
        try {
            intervention = Intervention.parse(target + kind.get().operator + given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Intervention on " + target + ": " + e.getMessage(), e);
        }
        ObservableList<Intervention> list = toBaseline ? baseline : interventions;
        list.removeIf(i -> i.node().equals(target));
        list.add(intervention);
    }

    /** Makes the node an outcome, or no longer one. */
    public void toggleOutcome(String outcome) {
        if (!outcomes.remove(outcome)) {
            outcomes.add(outcome);
        }
    }

    /** Forgets interventions and outcomes on nodes the model no longer has. */
    public void keepOnly(List<String> nodes) {
        interventions.removeIf(i -> !nodes.contains(i.node()));
        baseline.removeIf(i -> !nodes.contains(i.node()));
        outcomes.removeIf(o -> !nodes.contains(o));
    }

    /**
     * The scenario as drafted, under {@code scenarioName}.
     *
     * @throws IllegalArgumentException when it lacks outcomes or its subgroup does not parse
     */
    public Scenario toScenario(String scenarioName) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one outcome.");
        }
        try {
            return new Scenario(scenarioName, new ArrayList<>(interventions), new ArrayList<>(baseline),
                    new ArrayList<>(outcomes), subgroup.get(), samples.get(), seed.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Subgroup: " + e.getMessage(), e);
        }
    }

    /** Brings a kept scenario back into the editor. */
    public void restore(Scenario scenario) {
        name.set(scenario.name());
        interventions.setAll(scenario.interventions());
        baseline.setAll(scenario.baseline());
        outcomes.setAll(scenario.outcomes());
        subgroup.set(scenario.subgroup() == null ? "" : scenario.subgroup());
        samples.set(scenario.samples());
        seed.set((int) scenario.seed());
    }

    /** The drafted scenario on the canvas: intervened nodes, baseline nodes and outcomes, with legend entries. */
    public CanvasOverlay overlay() {
        Map<String, String> styles = new LinkedHashMap<>();
        outcomes.forEach(o -> styles.put(o, OUTCOME_STYLE));
        baseline.forEach(i -> styles.put(i.node(), BASELINE_STYLE));
        interventions.forEach(i -> styles.put(i.node(), INTERVENED_STYLE));
        return new CanvasOverlay(Map.of(), styles, List.of(
                new CanvasOverlay.LegendEntry(INTERVENED_STYLE, "Intervened on"),
                new CanvasOverlay.LegendEntry(BASELINE_STYLE, "Set in the baseline"),
                new CanvasOverlay.LegendEntry(OUTCOME_STYLE, "Simulated outcome")));
    }

    /** The intervention in the notation analysts read: do(t = 1), z += 0.5, x := min(x, 3). */
    public static String describe(Intervention intervention) {
        return switch (intervention) {
            case Intervention.SetValue set -> "do(" + set.node() + " = " + set.value() + ")";
            case Intervention.Shift shift -> shift.node() + (shift.by() < 0 ? " -= " : " += ")
                    + BigDecimal.valueOf(Math.abs(shift.by())).stripTrailingZeros().toPlainString();
            case Intervention.Assign assign -> assign.node() + " := " + assign.rule().text();
        };
    }

    /** A list of interventions in words, or {@code none} when it is empty. */
    public static String describe(List<Intervention> list, String none) {
        return list.isEmpty() ? none : String.join(", ", list.stream().map(ScenarioDraft::describe).toList());
    }

    // ---------------------------------------------------------------- properties

    /** The node the intervention editor works on (the canvas selection follows into it). */
    public StringProperty nodeProperty() {
        return node;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The value to set, the shift, or the rule, as typed. */
    public StringProperty valueProperty() {
        return value;
    }

    public ObservableList<Intervention> getInterventions() {
        return interventions;
    }

    /** Interventions of the world the scenario is compared with; empty: the world as it is. */
    public ObservableList<Intervention> getBaseline() {
        return baseline;
    }

    public ObservableList<String> getOutcomes() {
        return outcomes;
    }

    /** An expression over variables the interventions do not affect; blank for all units. */
    public StringProperty subgroupProperty() {
        return subgroup;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public IntegerProperty replicatesProperty() {
        return replicates;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public StringProperty nameProperty() {
        return name;
    }
}
