package org.recausal.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.StructuralCausalModel;

/**
 * Seeded random structural causal models of mixed types over a {@link RandomDags} graph, for benchmarks and
 * stress tests: half the variables numeric (linear in their parents plus normal noise), a third binary (logistic),
 * the rest categorical with three levels (softmax). Each parent adds a coefficient drawn from ±[0.3, 1] to a
 * numeric or binary child, or one per level to a categorical parent's child.
 */
public final class RandomScms {

    /** A model and its graph (every variable observed). */
    public record Generated(StructuralCausalModel model, Dag dag) {
    }

    private RandomScms() {
    }

    public static Generated mixed(int variables, int edges, long seed) {
        Dag shape = RandomDags.generate(variables, edges, seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> order = shape.topologicalOrder();
        List<Scale> scales = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int kind = i % 6;
            scales.add(kind < 3 ? Scale.numeric() : kind < 5 ? Scale.binary()
                    : Scale.categorical(List.of("a", "b", "c")));
        }
        Dag dag = new Dag();
        List<StructuralCausalModel.Node> nodes = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            Scale scale = scales.get(i);
            List<String> parents = order.stream().filter(shape.parents(name)::contains).toList();
            List<Scale> parentScales = parents.stream().map(p -> scales.get(order.indexOf(p))).toList();
            int outputs = scale.kind() == Scale.Kind.CATEGORICAL ? scale.levelCount() - 1 : 1;
            double[][][] effects = new double[outputs][parents.size()][];
            double[] intercepts = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                intercepts[o] = random.nextDouble() - 0.5;
                for (int j = 0; j < parents.size(); j++) {
                    int levels = parentScales.get(j).kind() == Scale.Kind.CATEGORICAL
                            ? parentScales.get(j).levelCount() : 1;
                    effects[o][j] = new double[levels];
                    for (int l = levels == 1 ? 0 : 1; l < levels; l++) {
                        effects[o][j][l] = (random.nextBoolean() ? 1 : -1) * (0.3 + 0.7 * random.nextDouble());
                    }
                }
            }
            boolean[] categoricalParent = new boolean[parents.size()];
            for (int j = 0; j < parents.size(); j++) {
                categoricalParent[j] = parentScales.get(j).kind() == Scale.Kind.CATEGORICAL;
            }
            nodes.add(new StructuralCausalModel.Node(name, scale, new RowMechanism(name + " (random truth)", parents,
                    (p, r) -> {
                        double[] eta = new double[outputs];
                        for (int o = 0; o < outputs; o++) {
                            eta[o] = intercepts[o];
                            for (int j = 0; j < p.length; j++) {
                                eta[o] += categoricalParent[j] ? effects[o][j][(int) p[j]] : effects[o][j][0] * p[j];
                            }
                        }
                        return switch (scale.kind()) {
                            case NUMERIC -> eta[0] + r.nextGaussian();
                            case BINARY -> r.nextDouble() < RecommenderWorld.sigmoid(eta[0]) ? 1 : 0;
                            case CATEGORICAL -> softmaxDraw(eta, r.nextDouble());
                        };
                    })));
            dag.addVariable(Variable.of(name, Role.ORDINARY, switch (scale.kind()) {
                case NUMERIC -> DataType.CONTINUOUS;
                case BINARY -> DataType.BINARY;
                case CATEGORICAL -> DataType.CATEGORICAL;
            }));
            parents.forEach(parent -> dag.addEdge(parent, name));
        }
        return new Generated(new StructuralCausalModel(nodes), dag);
    }

    /** Level 0 has log-odds 0, level k the k-th entry of {@code eta}. */
    private static double softmaxDraw(double[] eta, double u) {
        double[] weights = new double[eta.length + 1];
        weights[0] = 1;
        double sum = 1;
        for (int k = 0; k < eta.length; k++) {
            weights[k + 1] = Math.exp(eta[k]);
            sum += weights[k + 1];
        }
        double cumulative = 0;
        for (int k = 0; k < weights.length - 1; k++) {
            cumulative += weights[k] / sum;
            if (u < cumulative) {
                return k;
            }
        }
        return weights.length - 1;
    }
}
