package org.recausal.engine.scm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Unit-level counterfactuals ("for this row, had X been x, Y would have been ...") by abduction, action and
 * prediction: recover each affected variable's noise from the row, apply the interventions, and recompute the
 * variables downstream with the same noise. That is exact for additive-noise mechanisms, whose noise one row pins
 * down; a discrete mechanism's noise it does not, so when such a variable would have to be recomputed the answer
 * says so instead of guessing.
 */
public final class Counterfactuals {

    /** The answer for one row. */
    public sealed interface Answer {
        int row();

        String outcome();

        /** The outcome as observed, as a number or level code. */
        double factual();
    }

    /**
     * The counterfactual value, and every recomputed variable's factual and counterfactual value.
     */
    public record Determined(int row, String outcome, double factual, double counterfactual,
            Map<String, double[]> changes) implements Answer {
    }

    /** The row does not determine the counterfactual; {@code reason} says which mechanism and why. */
    public record NotDetermined(int row, String outcome, double factual, String reason) implements Answer {
    }

    private Counterfactuals() {
    }

    /**
     * @param row 0-based row of {@code data}, which must hold every variable of the model
     * @throws ScmException for a row out of range, a random rule, or an intervention that does not fit
     */
    public static Answer of(StructuralCausalModel model, Observations data, int row, List<Intervention> interventions,
            String outcome) {
        if (row < 0 || row >= data.rows()) {
            throw new ScmException("row " + (row + 1) + " does not exist: the data have " + data.rows() + " rows");
        }
        model.node(outcome);
        for (String name : model.names()) {
            if (!data.has(name)) {
                throw new ScmException("the data have no values for " + name);
            }
        }
        Map<String, Intervention> byNode = new HashMap<>();
        for (Intervention intervention : interventions) {
            model.node(intervention.node());
            if (byNode.put(intervention.node(), intervention) != null) {
                throw new ScmException("two interventions on " + intervention.node());
            }
            if (intervention instanceof Intervention.Assign assign && assign.rule().isRandom()) {
                throw new ScmException("the rule " + assign.text() + " draws random numbers; a unit-level"
                        + " counterfactual needs a definite value");
            }
        }
        double factual = data.value(outcome, row);
        var unanswerable = model.unanswerable(byNode.keySet(), List.of(outcome), false);
        if (unanswerable.isPresent()) {
            return new NotDetermined(row, outcome, factual, unanswerable.get());
        }
        List<String> names = model.names();
        double[][] world = new double[names.size()][];
        double[][] observed = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            observed[j] = new double[] {data.value(names.get(j), row)};
            world[j] = observed[j].clone();
        }
        Set<String> affected = model.descendantsOf(byNode.keySet());
        Set<String> needed = model.ancestorsOf(List.of(outcome));
        Map<String, double[]> changes = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (!affected.contains(name) || !needed.contains(name)) {
                continue;
            }
            Intervention intervention = byNode.get(name);
            double value = observed[j][0];
            boolean readsNatural = intervention == null || intervention instanceof Intervention.Shift
                    || intervention instanceof Intervention.Assign assign && assign.readsNaturalValue();
            if (readsNatural) {
                StructuralCausalModel.Node node = model.node(name);
                double[][] newParents = parents(model, node, world);
                double[][] oldParents = parents(model, node, observed);
                if (!same(newParents, oldParents)) {
                    if (!(node.mechanism() instanceof AdditiveNoiseMechanism additive)) {
                        return new NotDetermined(row, outcome, factual, name + " would change, but its mechanism ("
                                + node.mechanism().description() + ", " + node.scale() + ") is not invertible: one"
                                + " row does not reveal its noise, so its counterfactual value is not determined");
                    }
                    value = additive.expected(newParents, 0) + additive.abduct(oldParents, 0, observed[j][0]);
                }
            }
            if (intervention != null) {
                world[j][0] = value;
                value = act(model, intervention, world, j);
            }
            world[j][0] = value;
            if (value != observed[j][0]) {
                changes.put(name, new double[] {observed[j][0], value});
            }
        }
        return new Determined(row, outcome, factual, world[names.indexOf(outcome)][0], changes);
    }

    private static double act(StructuralCausalModel model, Intervention intervention, double[][] world, int j) {
        double natural = world[j][0];
        try {
            return switch (intervention) {
                case Intervention.SetValue set -> model.scale(set.node()).code(set.value());
                case Intervention.Shift shift -> {
                    if (!model.scale(shift.node()).isNumeric()) {
                        throw new ScmException("cannot shift " + shift.node() + ": it is " + model.scale(shift.node()));
                    }
                    yield natural + shift.by();
                }
                case Intervention.Assign assign -> assign.rule().compile(model.names(), model::scale)
                        .evaluate(world, 0, new SplittableRandom(0));
            };
        } catch (IllegalArgumentException e) {
            throw new ScmException("in " + intervention.text() + ": " + e.getMessage(), e);
        }
    }

    private static double[][] parents(StructuralCausalModel model, StructuralCausalModel.Node node,
            double[][] values) {
        List<String> parents = node.mechanism().parents();
        double[][] columns = new double[parents.size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = values[model.names().indexOf(parents.get(k))];
        }
        return columns;
    }

    private static boolean same(double[][] a, double[][] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k][0] != b[k][0]) {
                return false;
            }
        }
        return true;
    }
}
