package org.recausal.engine.scm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.model.Scale;
import org.recausal.engine.task.CancellationToken;

/**
 * Draws rows through a model in causal order with some mechanisms replaced. Rows are drawn in fixed-size chunks,
 * each node of each chunk from its own seeded stream, so the result does not depend on how many threads run.
 */
final class InterventionSampler {

    static final int CHUNK = 8192;
    /** Stream keys: a mechanism's noise and an intervention rule's draws come from different streams. */
    private static final long NOISE = 0;
    private static final long RULE = 1;

    private final StructuralCausalModel model;
    private final List<String> names;
    private final Plan[] plans;
    private final int[] order;
    private final int[][] parentPositions;

    /** What happens to one variable: drawn by its mechanism, then perhaps set, shifted or assigned. */
    private record Plan(Intervention intervention, boolean drawsNatural, double setCode,
            Expression.Compiled rule) {
    }

    InterventionSampler(StructuralCausalModel model, List<Intervention> interventions) {
        this.model = model;
        this.names = model.names();
        int n = names.size();
        plans = new Plan[n];
        for (Intervention intervention : interventions) {
            int at = position(intervention.node());
            if (plans[at] != null) {
                throw new ScmException("two interventions on " + intervention.node() + ": "
                        + plans[at].intervention().text() + " and " + intervention.text());
            }
            plans[at] = plan(intervention, model.scale(intervention.node()));
        }
        parentPositions = new int[n][];
        for (int i = 0; i < n; i++) {
            parentPositions[i] = model.nodes().get(i).mechanism().parents().stream().mapToInt(model::position)
                    .toArray();
        }
        order = order(interventions);
    }

    private int position(String node) {
        if (!model.has(node)) {
            throw new ScmException("cannot intervene on '" + node + "': the model has no such variable (its variables"
                    + " are " + String.join(", ", names) + ")");
        }
        return model.position(node);
    }

    private Plan plan(Intervention intervention, Scale scale) {
        String node = intervention.node();
        return switch (intervention) {
            case Intervention.SetValue set -> {
                try {
                    yield new Plan(set, false, scale.code(set.value()), null);
                } catch (IllegalArgumentException e) {
                    throw new ScmException("cannot set " + node + " to " + set.value() + ": " + e.getMessage(), e);
                }
            }
            case Intervention.Shift shift -> {
                if (!scale.isNumeric()) {
                    throw new ScmException("cannot shift " + node + ": it is " + scale
                            + "; set it to a level instead (" + node + "=...)");
                }
                yield new Plan(shift, true, 0, null);
            }
            case Intervention.Assign assign -> {
                try {
                    Expression.Compiled rule = assign.rule().compile(names, model::scale);
                    yield new Plan(assign, assign.readsNaturalValue(), 0, rule);
                } catch (IllegalArgumentException e) {
                    throw new ScmException("in the rule for " + node + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** Causes before effects in the changed graph: a replaced mechanism's parents no longer matter. */
    private int[] order(List<Intervention> interventions) {
        int n = names.size();
        List<List<Integer>> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> in = new ArrayList<>();
            Plan plan = plans[i];
            if (plan == null || plan.drawsNatural()) {
                Arrays.stream(parentPositions[i]).forEach(in::add);
            }
            if (plan != null && plan.intervention() instanceof Intervention.Assign assign) {
                for (String variable : assign.rule().variables()) {
                    if (!variable.equals(assign.node())) {
                        in.add(model.position(variable));
                    }
                }
            }
            inputs.add(in);
        }
        int[] waiting = new int[n];
        Map<Integer, List<Integer>> outputs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            waiting[i] = inputs.get(i).size();
            for (int input : inputs.get(i)) {
                outputs.computeIfAbsent(input, k -> new ArrayList<>()).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] result = new int[n];
        int done = 0;
        while (!ready.isEmpty()) {
            int next = ready.poll();
            result[done++] = next;
            for (int output : outputs.getOrDefault(next, List.of())) {
                if (--waiting[output] == 0) {
                    ready.add(output);
                }
            }
        }
        if (done < n) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (waiting[i] > 0 && plans[i] != null) {
                    stuck.add(plans[i].intervention().text());
                }
            }
            throw new ScmException("the rule " + String.join(", ", stuck) + " reads a variable that it itself affects,"
                    + " which makes a cycle; a rule may only read causes of its variable or variables it does not"
                    + " affect");
        }
        return result;
    }

    Observations sample(int rows, long seed, CancellationToken cancel) {
        if (rows < 1) {
            throw new ScmException("the number of samples must be at least 1, not " + rows);
        }
        int n = names.size();
        double[][] columns = new double[n][rows];
        int chunks = (rows + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            cancel.throwIfCancelled();
            drawChunk(columns, chunk * CHUNK, Math.min(rows, (chunk + 1) * CHUNK), chunk, seed);
        });
        cancel.throwIfCancelled();
        List<Scale> scales = model.nodes().stream().map(StructuralCausalModel.Node::scale).toList();
        return new Observations(names, scales, Arrays.asList(columns));
    }

    private void drawChunk(double[][] columns, int from, int to, int chunk, long seed) {
        for (int i : order) {
            Plan plan = plans[i];
            double[] out = columns[i];
            if (plan == null || plan.drawsNatural()) {
                double[][] parents = new double[parentPositions[i].length][];
                for (int j = 0; j < parents.length; j++) {
                    parents[j] = columns[parentPositions[i][j]];
                }
                model.nodes().get(i).mechanism().draw(parents, from, to, Seeds.random(seed, i, chunk, NOISE), out);
            }
            if (plan != null) {
                apply(plan, i, columns, from, to, Seeds.random(seed, i, chunk, RULE));
            }
        }
    }

    private void apply(Plan plan, int node, double[][] columns, int from, int to, SplittableRandom random) {
        double[] out = columns[node];
        switch (plan.intervention()) {
            case Intervention.SetValue set -> Arrays.fill(out, from, to, plan.setCode());
            case Intervention.Shift shift -> {
                for (int row = from; row < to; row++) {
                    out[row] += shift.by();
                }
            }
            case Intervention.Assign assign -> {
                Scale scale = model.nodes().get(node).scale();
                for (int row = from; row < to; row++) {
                    double value = plan.rule().evaluate(columns, row, random);
                    if (scale.isDiscrete() ? !(value >= 0 && value < scale.levelCount() && value == Math.rint(value))
                            : !Double.isFinite(value)) {
                        throw new ScmException("the rule " + assign.text() + " gave " + value + " for sample "
                                + (row + 1) + ", which is not " + (scale.isDiscrete() ? "a level code of "
                                + assign.node() + " (0 to " + (scale.levelCount() - 1)
                                + "; use bernoulli(p) for a probability)" : "a finite number"));
                    }
                    out[row] = value;
                }
            }
        }
    }
}
