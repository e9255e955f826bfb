package org.recausal.engine.simulate;

import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.StructuralCausalModel;

/** Ground-truth structural causal models with effects known in closed form, for tests. */
public final class KnownModels {

    private KnownModels() {
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Z ~ N(0, 1); X = 0.8 Z + N(0, 1); Y = 2 X + 1.5 Z + N(0, 1). The effect of X on Y is 2, the naive
     * regression slope 2 + 1.5 * 0.8 / 1.64.
     */
    public static StructuralCausalModel linearConfounded() {
        return new StructuralCausalModel(List.of(
                node("Z", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                node("X", Scale.numeric(), List.of("Z"), (p, r) -> 0.8 * p[0] + r.nextGaussian()),
                node("Y", Scale.numeric(), List.of("X", "Z"), (p, r) -> 2 * p[0] + 1.5 * p[1] + r.nextGaussian())));
    }

    /** Z ~ Bernoulli(0.4); T ~ Bernoulli(sigmoid(-0.5 + 1.5 Z)); Y ~ Bernoulli(sigmoid(-1 + T + 1.2 Z)). */
    public static StructuralCausalModel logisticConfounded() {
        return new StructuralCausalModel(List.of(
                node("Z", Scale.binary(), List.of(), (p, r) -> r.nextDouble() < 0.4 ? 1 : 0),
                node("T", Scale.binary(), List.of("Z"), (p, r) -> r.nextDouble() < sigmoid(-0.5 + 1.5 * p[0]) ? 1 : 0),
                node("Y", Scale.binary(), List.of("T", "Z"),
                        (p, r) -> r.nextDouble() < sigmoid(-1 + p[0] + 1.2 * p[1]) ? 1 : 0)));
    }

    /** Sum over z of P(z) (P(Y=1 | T=1, z) - P(Y=1 | T=0, z)). */
    public static double logisticConfoundedAte() {
        double ate = 0;
        for (int z = 0; z <= 1; z++) {
            double pz = z == 1 ? 0.4 : 0.6;
            ate += pz * (sigmoid(-1 + 1 + 1.2 * z) - sigmoid(-1 + 1.2 * z));
        }
        return ate;
    }

    public static StructuralCausalModel.Node node(String name, Scale scale, List<String> parents,
            RowMechanism.Equation equation) {
        return new StructuralCausalModel.Node(name, scale, new RowMechanism(name + " (truth)", parents, equation));
    }

    /** The DAG of a model, every variable observed, numeric ones continuous and discrete ones binary/categorical. */
    public static Dag dagOf(StructuralCausalModel model) {
        Dag dag = new Dag();
        for (StructuralCausalModel.Node node : model.nodes()) {
            DataType type = switch (node.scale().kind()) {
                case NUMERIC -> DataType.CONTINUOUS;
                case BINARY -> DataType.BINARY;
                case CATEGORICAL -> DataType.CATEGORICAL;
            };
            dag.addVariable(Variable.of(node.name(), Role.ORDINARY, type));
        }
        for (StructuralCausalModel.Node node : model.nodes()) {
            for (String parent : node.mechanism().parents()) {
                dag.addEdge(parent, node.name());
            }
        }
        return dag;
    }
}
